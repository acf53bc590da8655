import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { EvidencedScore } from '../domain/person-scores.events';
import { personScoresId, PersonScoresStreams } from './person-scores-streams';
import { ScorecardStreams } from './scorecard-streams';

export interface PeriodScoresRequest {
  period: string;
  /** The version of the scorecard the scores were given on. */
  scorecardVersion: number;
  scores: EvidencedScore[];
}

/** Scores a person's period on a version of a scorecard of the caller's division; the caller is recorded as who. */
@Injectable()
export class ScorePeriodHandler {
  constructor(
    @Inject(PersonScoresStreams) private readonly scores: PersonScoresStreams,
    @Inject(ScorecardStreams) private readonly scorecards: ScorecardStreams,
  ) {}

  async execute(
    scorecardId: string,
    personId: string,
    request: PeriodScoresRequest,
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const { scorecardVersion, ...given } = request;
    const scorecard = await this.scorecards.scoredOn(scorecardId, scorecardVersion, caller);
    return this.scores.run(personScoresId(scorecardId, personId), caller, expectedVersion, {
      type: 'ScorePeriod',
      data: {
        ...given,
        scorecardId,
        personId,
        divisionId: caller.divisionId,
        scorecard,
        scoredBy: caller.actor.userId,
      },
    });
  }
}
