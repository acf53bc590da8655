import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { FundStreams } from './fund-streams';

/** Approves a request, up to the amount requested and never beyond what the budget has left. */
@Injectable()
export class ApproveFundRequestHandler {
  constructor(@Inject(FundStreams) private readonly funds: FundStreams) {}

  execute(
    dealerId: string,
    period: string,
    requestId: string,
    approvedAmount: Money,
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.funds.runOn(dealerId, period, caller, expectedVersion, {
      type: 'ApproveFundRequest',
      data: { requestId, approvedAmount, approvedBy: caller.actor.userId },
    });
  }
}
