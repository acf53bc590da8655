import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { invalidCoachingInput } from '../domain/coaching.errors';
import { CoachingRecordStreams } from './coaching-record-streams';
import { ReviewStreams } from './review-streams';

/** Records that a person's coaching suggestion was taken up in a review of that person, in the caller's reach. */
@Injectable()
export class AcknowledgeSuggestionHandler {
  constructor(
    @Inject(CoachingRecordStreams) private readonly records: CoachingRecordStreams,
    @Inject(ReviewStreams) private readonly reviews: ReviewStreams,
  ) {}

  async execute(
    personId: string,
    suggestionId: string,
    reviewId: string,
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const { state: review } = await this.reviews.load(reviewId);
    if (!this.reviews.shows(caller, review) || review.status === 'none' || review.personId !== personId) {
      throw invalidCoachingInput('reviewId', `${reviewId} is no review of ${personId} in your reach`);
    }
    return this.records.run(personId, caller, expectedVersion, {
      type: 'AcknowledgeSuggestion',
      data: { suggestionId, reviewId, acknowledgedBy: caller.actor.userId },
    });
  }
}
