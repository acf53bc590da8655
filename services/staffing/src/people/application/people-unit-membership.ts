import { Inject, Injectable } from '@nestjs/common';
import { UnitMembership } from '../../organisation';
import { PersonList } from './person-list.port';

/** The organisation's question before a unit closes (who still belongs to it), answered from the people view. */
@Injectable()
export class PeopleUnitMembership extends UnitMembership {
  constructor(@Inject(PersonList) private readonly people: PersonList) {
    super();
  }

  memberCount(divisionId: string, unitId: string, day: string): Promise<number> {
    return this.people.countMembers(divisionId, unitId, day);
  }
}
