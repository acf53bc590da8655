import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ReviewStreams } from './review-streams';

/** Drops a review's open action, with the reason. */
@Injectable()
export class CancelReviewActionHandler {
  constructor(@Inject(ReviewStreams) private readonly reviews: ReviewStreams) {}

  execute(reviewId: string, actionId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.reviews.run(reviewId, caller, expectedVersion, { type: 'CancelAction', data: { actionId, reason } });
  }
}
