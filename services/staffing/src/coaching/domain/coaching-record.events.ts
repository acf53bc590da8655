import { type Static, Type } from '@sinclair/typebox';
import { LossReason } from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant } from '@salesos/kernel';

/** The days a suggestion's losses span, from the earliest to the latest. */
export const SuggestionPeriod = Type.Object({ from: CalendarDay, to: CalendarDay });
export type SuggestionPeriod = Static<typeof SuggestionPeriod>;

export const SuggestedDeals = Type.Array(Id, { minItems: 1, maxItems: 100 });

/** Every event of a coaching record names the person and their division. */
const record = { personId: Id, divisionId: Id };

/**
 * A person's coaching record (stream `coaching-<personId>`): the deals they lost as the leads service told of them,
 * and the coaching suggestions raised from those losses, until each is taken up in a review.
 */
export const coachingRecordEvents = defineEvents({
  /** `sourceEventId`: the leads service's event, so a redelivery is recognised; `ownerRepId`: the deal's owner there. */
  LossNoted: Type.Object({
    ...record,
    ownerRepId: Id,
    opportunityId: Id,
    reason: LossReason,
    lostAt: Instant,
    sourceEventId: Id,
    notedAt: Instant,
  }),
  CoachingSuggested: Type.Object({
    ...record,
    suggestionId: Id,
    reason: LossReason,
    opportunityIds: SuggestedDeals,
    period: SuggestionPeriod,
    suggestedAt: Instant,
  }),
  SuggestionAcknowledged: Type.Object({
    ...record,
    suggestionId: Id,
    reviewId: Id,
    acknowledgedBy: Id,
    acknowledgedAt: Instant,
  }),
});

export type CoachingRecordEvent = EventOf<typeof coachingRecordEvents>;
type CoachingRecordEventOf<Type extends CoachingRecordEvent['type']> = Extract<CoachingRecordEvent, { type: Type }>;
export type LossNoted = CoachingRecordEventOf<'LossNoted'>;
export type CoachingSuggested = CoachingRecordEventOf<'CoachingSuggested'>;
