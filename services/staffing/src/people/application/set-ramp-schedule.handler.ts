import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { PersonStreams } from './person-streams';

/** Sets the share of full quota a person carries in each month of tenure, replacing any schedule before. */
@Injectable()
export class SetRampScheduleHandler {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  execute(personId: string, monthlyShares: number[], caller: RequestContext, expectedVersion?: number) {
    return this.people.run(personId, caller, expectedVersion, { type: 'SetRampSchedule', data: { monthlyShares } });
  }
}
