import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { CoachingError, CoachingErrorCode } from '../domain/coaching.errors';
import type { ReviewCommand } from '../domain/review.commands';
import { reviewDecider, type ReviewState } from '../domain/review.decider';
import type { ReviewEvent } from '../domain/review.events';

export const reviewNotFound = (reviewId: string) =>
  new CoachingError(CoachingErrorCode.NotFound, `No review ${reviewId} in your reach`);

/**
 * Each review is one stream, `review-<reviewId>`. Whose it is: its division's, and its reviewer's (a team lead acts
 * on the reviews they hold). The feature's module provides it with the service's event store and views.
 */
export class ReviewStreams extends CallerCommands<ReviewState, ReviewCommand, ReviewEvent> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, reviewDecider, {
      category: 'review',
      clock,
      ids,
      access: {
        ownership: (state) =>
          state.status === 'none' ? undefined : { divisionId: state.divisionId, ownerRepId: state.reviewerId },
        refuse: reviewNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
