import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerDirectory } from '../../dealers';
import { TierRecordStreams } from './tier-record-streams';

/** A manager confirms a review's proposal: the proposed tier applies from `effectiveFrom`. */
@Injectable()
export class ConfirmTierChangeHandler {
  constructor(
    @Inject(TierRecordStreams) private readonly records: TierRecordStreams,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(
    dealerId: string,
    reviewId: string,
    effectiveFrom: string,
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    await this.dealers.refuseEndedPartner(caller.divisionId, dealerId);
    return this.records.run(dealerId, caller, expectedVersion, {
      type: 'ConfirmTierChange',
      data: { reviewId, effectiveFrom, confirmedBy: caller.actor.userId },
    });
  }
}
