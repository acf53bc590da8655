import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, Money, text } from '@salesos/kernel';

export const TierFiguresSchema = Type.Object({
  revenue12m: Money,
  certifiedPeople: Type.Integer({ minimum: 0, maximum: 100_000 }),
  registrationWinRate: Type.Number({ minimum: 0, maximum: 1 }),
});
export type TierFiguresData = Static<typeof TierFiguresSchema>;

/** Whose record and which programme: on every event, so that each can be read on its own. */
const record = { dealerId: Id, divisionId: Id, programmeId: Id };

/**
 * A dealer's tier history. Changes take effect from a day; what was recorded is never edited: a wrong change is
 * answered by a TierCorrected that names it (`corrects`) and replaces its tier from its effective day.
 */
export const tierRecordEvents = defineEvents({
  /** A tier set directly, such as the initial tier when the dealer is activated. */
  TierAssigned: Type.Object({
    changeId: Id,
    ...record,
    tierId: Id,
    effectiveFrom: CalendarDay,
    assignedBy: text(1, 200),
    assignedAt: Instant,
  }),
  /** A review found figures that qualify for another tier: a proposal, effective only once confirmed. */
  TierChangeProposed: Type.Object({
    reviewId: Id,
    ...record,
    fromTierId: Id,
    tierId: Id,
    figures: TierFiguresSchema,
    proposedAt: Instant,
  }),
  /** A manager confirmed a proposal; the change's id is its review's. */
  TierChangeConfirmed: Type.Object({
    reviewId: Id,
    ...record,
    fromTierId: Id,
    tierId: Id,
    effectiveFrom: CalendarDay,
    confirmedBy: text(1, 200),
    confirmedAt: Instant,
  }),
  TierProposalRejected: Type.Object({
    reviewId: Id,
    ...record,
    tierId: Id,
    rejectedBy: text(1, 200),
    reason: text(1, 500),
    rejectedAt: Instant,
  }),
  /** Change `corrects` should have said `tierId` (it said `previousTierId`), from its own `effectiveFrom`. */
  TierCorrected: Type.Object({
    correctionId: Id,
    corrects: Id,
    ...record,
    tierId: Id,
    previousTierId: Id,
    effectiveFrom: CalendarDay,
    reason: text(1, 500),
    correctedBy: text(1, 200),
    correctedAt: Instant,
  }),
});

export type TierRecordEvent = EventOf<typeof tierRecordEvents>;
