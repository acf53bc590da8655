import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { TierRecordStreams } from './tier-record-streams';

/** A manager rejects a review's proposal: the dealer's tier stays as it is. */
@Injectable()
export class RejectTierProposalHandler {
  constructor(@Inject(TierRecordStreams) private readonly records: TierRecordStreams) {}

  execute(dealerId: string, reviewId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.records.run(dealerId, caller, expectedVersion, {
      type: 'RejectTierProposal',
      data: { reviewId, reason, rejectedBy: caller.actor.userId },
    });
  }
}
