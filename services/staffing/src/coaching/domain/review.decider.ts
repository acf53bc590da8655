import type { Decider } from '@salesos/event-sourcing';
import { criteriaProblem, scoresProblem } from '../../core/domain/criteria';
import { scaleProblem } from '../../core/domain/score-scale';
import { CoachingError, CoachingErrorCode, invalidCoachingInput } from './coaching.errors';
import type { AddAction, ReviewCommand } from './review.commands';
import { type ReviewEvent, reviewEvents, type ReviewScore, type ReviewSubject } from './review.events';
import type { Rubric } from './rubric.events';

export type ReviewStatus = 'open' | 'closed';
export type ReviewActionStatus = 'open' | 'completed' | 'cancelled';

export interface ReviewAction {
  actionId: string;
  text: string;
  ownerId: string;
  dueOn: string;
  status: ReviewActionStatus;
  completedOn?: string;
  onTime?: boolean;
  cancellationReason?: string;
}

export interface Review {
  status: ReviewStatus;
  reviewId: string;
  divisionId: string;
  personId: string;
  subject: ReviewSubject;
  reviewerId: string;
  heldOn: string;
  rubric: Rubric;
  /** The latest scores, none until the review is scored. */
  scores?: ReviewScore[];
  notes?: string;
  actions: ReviewAction[];
}

export type ReviewState = { status: 'none' } | Review;

/** The actions nobody has completed or cancelled yet, in the order they were added. */
export const openActions = (review: Review): ReviewAction[] =>
  review.actions.filter((action) => action.status === 'open');

/** The review, if it exists in the caller's division; another division's review is reported as not found. */
function existing(state: ReviewState, command: ReviewCommand): Review {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new CoachingError(CoachingErrorCode.NotFound, 'No review with this id in your division');
  }
  return state;
}

function requireOpen(review: Review, action: string): void {
  if (review.status !== 'open') {
    throw new CoachingError(
      CoachingErrorCode.InvalidTransition,
      `Review ${review.reviewId} is ${review.status}: it can no longer be ${action}`,
      { status: review.status },
    );
  }
}

function actionOf(review: Review, actionId: string): ReviewAction {
  const action = review.actions.find((candidate) => candidate.actionId === actionId);
  if (action === undefined) {
    throw new CoachingError(CoachingErrorCode.NotFound, `Review ${review.reviewId} has no action ${actionId}`);
  }
  return action;
}

function refuseEndedAction(action: ReviewAction, verb: string): never {
  throw new CoachingError(
    CoachingErrorCode.InvalidTransition,
    `Action ${action.actionId} is ${action.status}: it can no longer be ${verb}`,
    { status: action.status },
  );
}

function checkRubric(rubric: Rubric): void {
  const problem = criteriaProblem(rubric.criteria, 'rubric.criteria') ?? scaleProblem(rubric.scale, 'rubric.scale');
  if (problem !== undefined) throw invalidCoachingInput(problem.field, problem.message);
}

/** An action may be added again with the same content (a retry); the same id for another action is refused. */
function sameAction(action: ReviewAction, data: AddAction['data']): boolean {
  return action.text === data.text && action.ownerId === data.ownerId && action.dueOn === data.dueOn;
}

/**
 * A deal or meeting review (stream `review-<reviewId>`): scored against the rubric it was opened with, followed up by
 * actions with due days, and closed once every action is done or dropped, so a closed review never hides open work.
 */
export const reviewDecider: Decider<ReviewState, ReviewCommand, ReviewEvent> = {
  events: reviewEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): ReviewEvent[] {
    const now = command.metadata.now;
    if (command.type === 'OpenReview') {
      if (state.status !== 'none') {
        throw new CoachingError(
          CoachingErrorCode.AlreadyExists,
          `Review ${command.data.reviewId} already exists and is ${state.status}`,
          { status: state.status },
        );
      }
      checkRubric(command.data.rubric);
      return [{ type: 'ReviewOpened', data: { ...command.data, openedAt: now } }];
    }
    const review = existing(state, command);
    const ids = { reviewId: review.reviewId, divisionId: review.divisionId, personId: review.personId };
    switch (command.type) {
      case 'ScoreReview': {
        requireOpen(review, 'scored');
        const { criteria, scale } = review.rubric;
        const criterionIds = criteria.map((criterion) => criterion.criterionId);
        const problem = scoresProblem(command.data.scores, criterionIds, scale);
        if (problem !== undefined) throw invalidCoachingInput(problem.field, problem.message);
        // Scores are kept in the rubric's order, so two scorings with the same judgement compare equal.
        const scores = criterionIds.map((criterionId) => {
          const given = command.data.scores.find((score) => score.criterionId === criterionId) as ReviewScore;
          return { criterionId, score: given.score };
        });
        const unchanged =
          JSON.stringify([review.scores, review.notes]) === JSON.stringify([scores, command.data.notes]);
        if (unchanged) return [];
        return [
          {
            type: 'ReviewScored',
            data: { ...ids, scores, notes: command.data.notes, scoredBy: command.data.scoredBy, scoredAt: now },
          },
        ];
      }
      case 'AddAction': {
        requireOpen(review, 'given actions');
        const { actionId, dueOn } = command.data;
        const known = review.actions.find((action) => action.actionId === actionId);
        if (known !== undefined) {
          if (sameAction(known, command.data)) return [];
          throw new CoachingError(CoachingErrorCode.IdInUse, `Review ${review.reviewId} has an action ${actionId}`, {
            field: 'actionId',
          });
        }
        if (dueOn < review.heldOn) {
          throw invalidCoachingInput('dueOn', `An action is due on or after the review was held (${review.heldOn})`);
        }
        return [{ type: 'ReviewActionAdded', data: { ...ids, ...command.data, addedAt: now } }];
      }
      case 'CompleteAction': {
        requireOpen(review, 'followed up');
        const action = actionOf(review, command.data.actionId);
        if (action.status === 'completed') return [];
        if (action.status !== 'open') refuseEndedAction(action, 'completed');
        const { completedOn } = command.data;
        if (completedOn < review.heldOn) {
          throw invalidCoachingInput(
            'completedOn',
            `An action is done on or after the review was held (${review.heldOn})`,
          );
        }
        return [
          {
            type: 'ReviewActionCompleted',
            data: {
              ...ids,
              actionId: action.actionId,
              dueOn: action.dueOn,
              completedOn,
              onTime: completedOn <= action.dueOn,
              completedAt: now,
            },
          },
        ];
      }
      case 'CancelAction': {
        requireOpen(review, 'followed up');
        const action = actionOf(review, command.data.actionId);
        if (action.status === 'cancelled') return [];
        if (action.status !== 'open') refuseEndedAction(action, 'cancelled');
        return [
          {
            type: 'ReviewActionCancelled',
            data: { ...ids, actionId: action.actionId, reason: command.data.reason, cancelledAt: now },
          },
        ];
      }
      case 'CloseReview': {
        if (review.status === 'closed') return [];
        if (review.scores === undefined) {
          throw new CoachingError(CoachingErrorCode.NotScored, `Review ${review.reviewId} is not scored yet`, {
            status: review.status,
          });
        }
        const open = openActions(review).map((action) => action.actionId);
        if (open.length > 0) {
          throw new CoachingError(
            CoachingErrorCode.ActionsOpen,
            `Review ${review.reviewId} has actions still open: ${open.join(', ')}; complete or cancel them first`,
            { status: review.status, openActionIds: open },
          );
        }
        return [{ type: 'ReviewClosed', data: { ...ids, closedAt: now } }];
      }
    }
  },

  evolve(state, event): ReviewState {
    if (event.type === 'ReviewOpened') {
      const { openedAt: _openedAt, ...opened } = event.data;
      return { status: 'open', ...opened, actions: [] };
    }
    if (state.status === 'none') return state;
    const changeAction = (actionId: string, change: Partial<ReviewAction>): Review => ({
      ...state,
      actions: state.actions.map((action) => (action.actionId === actionId ? { ...action, ...change } : action)),
    });
    switch (event.type) {
      case 'ReviewScored':
        return { ...state, scores: event.data.scores, notes: event.data.notes };
      case 'ReviewActionAdded': {
        const { actionId, text, ownerId, dueOn } = event.data;
        return { ...state, actions: [...state.actions, { actionId, text, ownerId, dueOn, status: 'open' }] };
      }
      case 'ReviewActionCompleted':
        return changeAction(event.data.actionId, {
          status: 'completed',
          completedOn: event.data.completedOn,
          onTime: event.data.onTime,
        });
      case 'ReviewActionCancelled':
        return changeAction(event.data.actionId, { status: 'cancelled', cancellationReason: event.data.reason });
      case 'ReviewClosed':
        return { ...state, status: 'closed' };
    }
  },
};
