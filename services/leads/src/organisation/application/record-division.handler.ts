import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { DivisionRoster } from '../domain/division.events';
import { DivisionStreams } from './division-streams';

/** Records a division with its reps, teams and dealers, as a whole. */
@Injectable()
export class RecordDivisionHandler {
  constructor(@Inject(DivisionStreams) private readonly divisions: DivisionStreams) {}

  execute(divisionId: string, roster: DivisionRoster, caller: RequestContext, expectedVersion?: number) {
    return this.divisions.run(divisionId, caller, expectedVersion, {
      type: 'RecordDivision',
      data: { divisionId, ...roster },
    });
  }
}
