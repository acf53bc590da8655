import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ReviewScore } from '../domain/review.events';
import { ReviewStreams } from './review-streams';

/** Scores every criterion of the review's rubric, with notes; the caller is recorded as who scored. */
@Injectable()
export class ScoreReviewHandler {
  constructor(@Inject(ReviewStreams) private readonly reviews: ReviewStreams) {}

  execute(
    reviewId: string,
    scoring: { scores: ReviewScore[]; notes: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.reviews.run(reviewId, caller, expectedVersion, {
      type: 'ScoreReview',
      data: { ...scoring, scoredBy: caller.actor.userId },
    });
  }
}
