import type { Command } from '@salesos/event-sourcing';
import type { Rubric } from './rubric.events';
import type { ReviewScore, ReviewSubject } from './review.events';

/** `rubric`: the division's rubric as the application read it when the review was opened. */
export type OpenReview = Command<
  'OpenReview',
  {
    reviewId: string;
    divisionId: string;
    subject: ReviewSubject;
    personId: string;
    reviewerId: string;
    heldOn: string;
    rubric: Rubric;
  }
>;
export type ScoreReview = Command<'ScoreReview', { scores: ReviewScore[]; notes: string; scoredBy: string }>;
export type AddAction = Command<'AddAction', { actionId: string; text: string; ownerId: string; dueOn: string }>;
export type CompleteAction = Command<'CompleteAction', { actionId: string; completedOn: string }>;
export type CancelAction = Command<'CancelAction', { actionId: string; reason: string }>;
export type CloseReview = Command<'CloseReview', Record<string, never>>;

export type ReviewCommand = OpenReview | ScoreReview | AddAction | CompleteAction | CancelAction | CloseReview;
