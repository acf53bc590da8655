import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { personScoresId, PersonScoresStreams } from './person-scores-streams';
import type { PeriodScoresRequest } from './score-period.handler';
import { ScorecardStreams } from './scorecard-streams';

/** Revises a person's scores for a period, with the reason; the scores first given stay in the history. */
@Injectable()
export class ReviseScoreHandler {
  constructor(
    @Inject(PersonScoresStreams) private readonly scores: PersonScoresStreams,
    @Inject(ScorecardStreams) private readonly scorecards: ScorecardStreams,
  ) {}

  async execute(
    scorecardId: string,
    personId: string,
    request: PeriodScoresRequest & { reason: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const { scorecardVersion, ...given } = request;
    const scorecard = await this.scorecards.scoredOn(scorecardId, scorecardVersion, caller);
    return this.scores.run(personScoresId(scorecardId, personId), caller, expectedVersion, {
      type: 'ReviseScore',
      data: {
        ...given,
        scorecardId,
        personId,
        divisionId: caller.divisionId,
        scorecard,
        revisedBy: caller.actor.userId,
      },
    });
  }
}
