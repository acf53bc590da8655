import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, text } from '@salesos/kernel';
import { Rubric } from './rubric.events';

export const MeetingSubject = text(1, 200);
export const ReviewNotes = text(0, 5000);
export const ActionText = text(1, 500);
export const Reason = text(1, 500);

/** What a review looks at: one deal of the leads service, or a meeting (a call, a visit, a demo) described in words. */
export const ReviewSubject = Type.Union([
  Type.Object({ kind: Type.Literal('deal'), opportunityId: Id }),
  Type.Object({ kind: Type.Literal('meeting'), subject: MeetingSubject }),
]);
export type ReviewSubject = Static<typeof ReviewSubject>;

export const ReviewScore = Type.Object({ criterionId: Id, score: Type.Integer({ minimum: 0, maximum: 100 }) });
export type ReviewScore = Static<typeof ReviewScore>;

/**
 * Every review event names the review, its division and the person reviewed, so projections (actions done on time
 * per rep) need nothing else.
 */
const review = { reviewId: Id, divisionId: Id, personId: Id };

/** A review's life: opened against the division's rubric, scored, its actions followed up, closed. */
export const reviewEvents = defineEvents({
  /**
   * The rubric is copied in, so a later version of the division's rubric never changes what this review was.
   * `personId` is the person reviewed; `reviewerId` the user who held the review.
   */
  ReviewOpened: Type.Object({
    ...review,
    subject: ReviewSubject,
    reviewerId: Id,
    heldOn: CalendarDay,
    rubric: Rubric,
    openedAt: Instant,
  }),
  /** A review may be scored again while open; the latest scores stand, the earlier stay in the history. */
  ReviewScored: Type.Object({
    ...review,
    scores: Type.Array(ReviewScore, { minItems: 1, maxItems: 30 }),
    notes: ReviewNotes,
    scoredBy: Id,
    scoredAt: Instant,
  }),
  ReviewActionAdded: Type.Object({
    ...review,
    actionId: Id,
    text: ActionText,
    ownerId: Id,
    dueOn: CalendarDay,
    addedAt: Instant,
  }),
  /** Late completions are recorded too: `onTime` says whether it was done by the day it was due. */
  ReviewActionCompleted: Type.Object({
    ...review,
    actionId: Id,
    dueOn: CalendarDay,
    completedOn: CalendarDay,
    onTime: Type.Boolean(),
    completedAt: Instant,
  }),
  ReviewActionCancelled: Type.Object({ ...review, actionId: Id, reason: Reason, cancelledAt: Instant }),
  ReviewClosed: Type.Object({ ...review, closedAt: Instant }),
});

export type ReviewEvent = EventOf<typeof reviewEvents>;
type ReviewEventOf<Type extends ReviewEvent['type']> = Extract<ReviewEvent, { type: Type }>;
export type ReviewOpened = ReviewEventOf<'ReviewOpened'>;
export type ReviewScored = ReviewEventOf<'ReviewScored'>;
export type ReviewActionAdded = ReviewEventOf<'ReviewActionAdded'>;
export type ReviewActionCompleted = ReviewEventOf<'ReviewActionCompleted'>;
