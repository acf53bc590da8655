import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { OpenReview } from '../domain/review.commands';
import { ReviewStreams } from './review-streams';
import { RubricStreams } from './rubric-streams';

export interface ReviewRequest {
  reviewId?: string;
  subject: OpenReview['data']['subject'];
  personId: string;
  /** The user who held the review; the caller when not named. */
  reviewerId?: string;
  heldOn: string;
}

/**
 * Opens a deal or meeting review of a person, scored against the division's rubric as it is now. The id is the
 * caller's, or the server's (derived from the Idempotency-Key when one is given, so that a repeat is recognised).
 */
@Injectable()
export class OpenReviewHandler {
  constructor(
    @Inject(ReviewStreams) private readonly reviews: ReviewStreams,
    @Inject(RubricStreams) private readonly rubrics: RubricStreams,
  ) {}

  async execute(request: ReviewRequest, caller: RequestContext, expectedVersion?: number) {
    const rubric = await this.rubrics.current(caller.divisionId);
    const generated = request.reviewId === undefined;
    const reviewId = request.reviewId ?? this.reviews.newId(caller, 'review');
    const { reviewId: _id, reviewerId, ...review } = request;
    const result = await this.reviews.run(
      reviewId,
      caller,
      expectedVersion,
      {
        type: 'OpenReview',
        data: {
          ...review,
          reviewId,
          divisionId: caller.divisionId,
          reviewerId: reviewerId ?? caller.actor.userId,
          rubric,
        },
      },
      generated && caller.idempotencyKey === undefined,
    );
    return { reviewId, ...result };
  }
}
