import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { SuggestionPeriod } from '../domain/coaching-record.events';
import { CoachingRecordStreams } from './coaching-record-streams';

export interface SuggestionRequest {
  suggestionId?: string;
  reason: string;
  opportunityIds: string[];
  period: SuggestionPeriod;
}

/**
 * Raises a coaching suggestion for a person by hand, naming the deals behind it; deals a suggestion names already are
 * refused. The id is the caller's, or the server's (derived from the Idempotency-Key when one is given).
 */
@Injectable()
export class RaiseCoachingSuggestionHandler {
  constructor(@Inject(CoachingRecordStreams) private readonly records: CoachingRecordStreams) {}

  async execute(personId: string, request: SuggestionRequest, caller: RequestContext, expectedVersion?: number) {
    const suggestionId = request.suggestionId ?? this.records.newId(caller, 'coaching-suggestion');
    const result = await this.records.run(personId, caller, expectedVersion, {
      type: 'RaiseCoachingSuggestion',
      data: { ...request, suggestionId, personId, divisionId: caller.divisionId },
    });
    return { suggestionId, ...result };
  }
}
