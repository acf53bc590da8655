import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { DealerDirectory } from '../../dealers';
import { FundError, FundErrorCode } from '../domain/fund.errors';
import { fundBudgetId, FundStreams } from './fund-streams';

/**
 * Sets a dealer's budget for a period: allocates it the first time (the dealer must be active), adjusts it after that,
 * with the reason for the change.
 */
@Injectable()
export class AllocateFundBudgetHandler {
  constructor(
    @Inject(FundStreams) private readonly funds: FundStreams,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(
    dealerId: string,
    period: string,
    budget: { amount: Money; reason?: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const { state } = await this.funds.load(fundBudgetId(dealerId, period));
    const by = caller.actor.userId;
    if (state.status === 'none') {
      await this.dealers.requireActiveDealer(caller.divisionId, dealerId);
      return this.funds.runOn(dealerId, period, caller, expectedVersion, {
        type: 'AllocateFundBudget',
        data: { dealerId, divisionId: caller.divisionId, period, amount: budget.amount, allocatedBy: by },
      });
    }
    if (budget.reason === undefined) {
      throw new FundError(FundErrorCode.InvalidInput, 'is needed to adjust a budget that is allocated', 'reason');
    }
    return this.funds.runOn(dealerId, period, caller, expectedVersion, {
      type: 'AdjustFundBudget',
      data: { amount: budget.amount, adjustedBy: by, reason: budget.reason },
    });
  }
}
