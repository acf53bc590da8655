import type { Command } from '@salesos/event-sourcing';
import type { LossRule } from './loss-patterns';
import type { SuggestionPeriod } from './coaching-record.events';

/**
 * A deal the person lost, from the leads service's OpportunityLost. `suggestionId` is the id a suggestion gets if
 * this loss completes a pattern; `rule` says when losses make one.
 */
export type NoteLoss = Command<
  'NoteLoss',
  {
    personId: string;
    divisionId: string;
    ownerRepId: string;
    opportunityId: string;
    reason: string;
    lostAt: string;
    sourceEventId: string;
    suggestionId: string;
    rule: LossRule;
  }
>;
export type RaiseCoachingSuggestion = Command<
  'RaiseCoachingSuggestion',
  {
    personId: string;
    divisionId: string;
    suggestionId: string;
    reason: string;
    opportunityIds: string[];
    period: SuggestionPeriod;
  }
>;
/** The suggestion was taken up in a review of the person. */
export type AcknowledgeSuggestion = Command<
  'AcknowledgeSuggestion',
  { suggestionId: string; reviewId: string; acknowledgedBy: string }
>;

export type CoachingRecordCommand = NoteLoss | RaiseCoachingSuggestion | AcknowledgeSuggestion;
