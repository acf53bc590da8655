import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { FundStreams } from './fund-streams';

/** Rejects a request awaiting a decision, with the reason. */
@Injectable()
export class RejectFundRequestHandler {
  constructor(@Inject(FundStreams) private readonly funds: FundStreams) {}

  execute(
    dealerId: string,
    period: string,
    requestId: string,
    reason: string,
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.funds.runOn(dealerId, period, caller, expectedVersion, {
      type: 'RejectFundRequest',
      data: { requestId, reason, rejectedBy: caller.actor.userId },
    });
  }
}
