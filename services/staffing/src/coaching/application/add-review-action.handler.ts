import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ReviewStreams } from './review-streams';

export interface ReviewActionRequest {
  actionId?: string;
  text: string;
  ownerId: string;
  dueOn: string;
}

/**
 * Adds a follow-up action to a review, with its owner and due day. The id is the caller's, or the server's (derived
 * from the Idempotency-Key when one is given).
 */
@Injectable()
export class AddReviewActionHandler {
  constructor(@Inject(ReviewStreams) private readonly reviews: ReviewStreams) {}

  async execute(reviewId: string, request: ReviewActionRequest, caller: RequestContext, expectedVersion?: number) {
    const actionId = request.actionId ?? this.reviews.newId(caller, 'review-action');
    const result = await this.reviews.run(reviewId, caller, expectedVersion, {
      type: 'AddAction',
      data: { ...request, actionId },
    });
    return { actionId, ...result };
  }
}
