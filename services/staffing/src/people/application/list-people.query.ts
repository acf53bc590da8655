import { Inject, Injectable } from '@nestjs/common';
import { type Page, type RequestContext, rowScope } from '@salesos/http';
import type { PersonDayStatus } from '../domain/person-status';
import { PersonList, type PersonSummary } from './person-list.port';
import { PersonStreams } from './person-streams';

/** What a caller asks of the list: a day (today without it) and the filters. */
export interface PeopleQuery {
  asOf?: string;
  unitId?: string;
  positionId?: string;
  status?: PersonDayStatus;
}

/**
 * The division's people on a day, in the caller's reach today: division-wide roles see everyone, a team lead the
 * people of the units they manage and themselves, a rep their own record.
 */
@Injectable()
export class ListPeopleQuery {
  constructor(
    @Inject(PersonList) private readonly list: PersonList,
    @Inject(PersonStreams) private readonly people: PersonStreams,
  ) {}

  async execute(
    query: PeopleQuery,
    caller: RequestContext,
    offset: number,
    limit: number,
  ): Promise<Page<PersonSummary> & { asOf: string }> {
    const today = this.people.today();
    const asOf = query.asOf ?? today;
    const { principal } = await this.people.reachOf(caller);
    const page = await this.list.find(
      {
        divisionId: caller.divisionId,
        asOf,
        today,
        scope: principal === undefined ? { kind: 'division' } : rowScope(principal),
        ...(query.unitId === undefined ? {} : { unitId: query.unitId }),
        ...(query.positionId === undefined ? {} : { positionId: query.positionId }),
        ...(query.status === undefined ? {} : { status: query.status }),
      },
      offset,
      limit,
    );
    return { ...page, asOf };
  }
}
