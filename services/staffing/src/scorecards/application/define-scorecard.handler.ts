import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ScorecardContent, ScorecardTarget } from '../domain/scorecard.events';
import { ScorecardStreams } from './scorecard-streams';

export type ScorecardRequest = ScorecardContent & { scorecardId?: string; appliesTo: ScorecardTarget };

/**
 * Defines a scorecard of the caller's division for a unit or a position. The id is the caller's, or the server's
 * (derived from the Idempotency-Key when one is given, so that a repeat is recognised).
 */
@Injectable()
export class DefineScorecardHandler {
  constructor(@Inject(ScorecardStreams) private readonly scorecards: ScorecardStreams) {}

  async execute(request: ScorecardRequest, caller: RequestContext, expectedVersion?: number) {
    const generated = request.scorecardId === undefined;
    const scorecardId = request.scorecardId ?? this.scorecards.newId(caller, 'scorecard');
    const { scorecardId: _id, ...scorecard } = request;
    const result = await this.scorecards.run(
      scorecardId,
      caller,
      expectedVersion,
      { type: 'DefineScorecard', data: { ...scorecard, scorecardId, divisionId: caller.divisionId } },
      generated && caller.idempotencyKey === undefined,
    );
    return { scorecardId, ...result };
  }
}
