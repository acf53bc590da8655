import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { DealerDirectory } from '../../dealers';
import type { ProductMixLine } from '../domain/plan.events';
import { dealerPlanId, PlanStreams } from './plan-streams';

export interface PlanFigures {
  value: Money;
  units: number;
  productMix: ProductMixLine[];
  reason: string;
}

/**
 * Sets a dealer's plan for a period as a whole: the first revision, or the next one, kept with who set it and why.
 * The dealer must be one of the caller's division.
 */
@Injectable()
export class SetDealerPlanHandler {
  constructor(
    @Inject(PlanStreams) private readonly plans: PlanStreams,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(dealerId: string, period: string, plan: PlanFigures, caller: RequestContext, expectedVersion?: number) {
    await this.dealers.requirePartner(caller.divisionId, dealerId);
    return this.plans.run(dealerPlanId(dealerId, period), caller, expectedVersion, {
      type: 'SetDealerPlan',
      data: {
        dealerId,
        divisionId: caller.divisionId,
        period,
        value: plan.value,
        units: plan.units,
        productMix: plan.productMix,
        setBy: caller.actor.userId,
        reason: plan.reason,
      },
    });
  }
}
