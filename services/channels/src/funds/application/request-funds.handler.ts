import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { FundStreams } from './fund-streams';

/**
 * Requests funds from a dealer's budget. The request's id is the caller's, or the server's (derived from the
 * Idempotency-Key when one is given, so that a repeated request is recognised).
 */
@Injectable()
export class RequestFundsHandler {
  constructor(@Inject(FundStreams) private readonly funds: FundStreams) {}

  async execute(
    dealerId: string,
    period: string,
    request: { requestId?: string; amount: Money; purpose: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const requestId = request.requestId ?? this.funds.newId(caller, 'fund-request');
    const result = await this.funds.runOn(dealerId, period, caller, expectedVersion, {
      type: 'RequestFunds',
      data: { requestId, amount: request.amount, purpose: request.purpose, requestedBy: caller.actor.userId },
    });
    return { requestId, ...result };
  }
}
