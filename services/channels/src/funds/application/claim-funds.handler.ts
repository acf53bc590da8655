import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { FundStreams } from './fund-streams';

/** Claims an approved request's spending, up to the amount approved, with the documents proving it. */
@Injectable()
export class ClaimFundsHandler {
  constructor(@Inject(FundStreams) private readonly funds: FundStreams) {}

  execute(
    dealerId: string,
    period: string,
    requestId: string,
    claim: { claimedAmount: Money; proof: string[] },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.funds.runOn(dealerId, period, caller, expectedVersion, {
      type: 'ClaimFunds',
      data: { requestId, claimedAmount: claim.claimedAmount, proof: claim.proof },
    });
  }
}
