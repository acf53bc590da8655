import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { TierFigures } from '../domain/qualifying-tier';
import { TierDirectory } from './tier-directory.port';
import { DealerDirectory } from '../../dealers';
import { TierRecordStreams } from './tier-record-streams';

/** Records a review of a dealer's measured figures, proposing the tier they qualify for when it differs. */
@Injectable()
export class ProposeTierChangeHandler {
  constructor(
    @Inject(TierRecordStreams) private readonly records: TierRecordStreams,
    @Inject(TierDirectory) private readonly tiers: TierDirectory,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(
    dealerId: string,
    review: { reviewId: string; programmeId: string; figures: TierFigures },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    await this.dealers.refuseEndedPartner(caller.divisionId, dealerId);
    const {
      version: _version,
      status: _status,
      ...programme
    } = await this.tiers.requireProgramme(caller.divisionId, review.programmeId);
    return this.records.run(dealerId, caller, expectedVersion, {
      type: 'ProposeTierChange',
      data: { programme, reviewId: review.reviewId, figures: review.figures },
    });
  }
}
