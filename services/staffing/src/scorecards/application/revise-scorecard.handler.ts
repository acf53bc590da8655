import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ScorecardContent } from '../domain/scorecard.events';
import { ScorecardStreams } from './scorecard-streams';

/** Revises a scorecard's name, criteria, weights and scale as its next version. */
@Injectable()
export class ReviseScorecardHandler {
  constructor(@Inject(ScorecardStreams) private readonly scorecards: ScorecardStreams) {}

  execute(scorecardId: string, content: ScorecardContent, caller: RequestContext, expectedVersion?: number) {
    return this.scorecards.run(scorecardId, caller, expectedVersion, { type: 'ReviseScorecard', data: content });
  }
}
