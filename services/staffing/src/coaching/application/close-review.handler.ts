import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ReviewStreams } from './review-streams';

/** Closes a scored review whose actions are all completed or cancelled. */
@Injectable()
export class CloseReviewHandler {
  constructor(@Inject(ReviewStreams) private readonly reviews: ReviewStreams) {}

  execute(reviewId: string, caller: RequestContext, expectedVersion?: number) {
    return this.reviews.run(reviewId, caller, expectedVersion, { type: 'CloseReview', data: {} });
  }
}
