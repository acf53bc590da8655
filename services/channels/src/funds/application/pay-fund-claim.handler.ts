import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { FundStreams } from './fund-streams';

/** Records that a claim was paid out, when and under which payment reference. */
@Injectable()
export class PayFundClaimHandler {
  constructor(@Inject(FundStreams) private readonly funds: FundStreams) {}

  execute(
    dealerId: string,
    period: string,
    requestId: string,
    payment: { paidAt: string; reference: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.funds.runOn(dealerId, period, caller, expectedVersion, {
      type: 'PayFundClaim',
      data: { requestId, paidAt: payment.paidAt, reference: payment.reference },
    });
  }
}
