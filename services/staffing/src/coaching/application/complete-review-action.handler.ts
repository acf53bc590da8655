import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ReviewStreams } from './review-streams';

/** Records a review's action done on a day: on time when by its due day, late otherwise. */
@Injectable()
export class CompleteReviewActionHandler {
  constructor(@Inject(ReviewStreams) private readonly reviews: ReviewStreams) {}

  execute(reviewId: string, actionId: string, completedOn: string, caller: RequestContext, expectedVersion?: number) {
    return this.reviews.run(reviewId, caller, expectedVersion, {
      type: 'CompleteAction',
      data: { actionId, completedOn },
    });
  }
}
