import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ScorecardStreams } from './scorecard-streams';

/** Retires a scorecard: no period is scored on it any more; scores given stay, and may still be revised. */
@Injectable()
export class RetireScorecardHandler {
  constructor(@Inject(ScorecardStreams) private readonly scorecards: ScorecardStreams) {}

  execute(scorecardId: string, caller: RequestContext, expectedVersion?: number) {
    return this.scorecards.run(scorecardId, caller, expectedVersion, { type: 'RetireScorecard', data: {} });
  }
}
