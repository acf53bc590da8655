import type { Command } from '@salesos/event-sourcing';
import type { Money } from '@salesos/kernel';
import type { ProductMixLine } from './plan.events';

/** Sets the plan as a whole: the product mix must add up to the totals. */
export type SetDealerPlan = Command<
  'SetDealerPlan',
  {
    dealerId: string;
    divisionId: string;
    period: string;
    value: Money;
    units: number;
    productMix: ProductMixLine[];
    setBy: string;
    reason: string;
  }
>;

/** A deal won through the dealer (from the leads service's OpportunityWon), recorded against the plan. */
export type RecordPlanActual = Command<
  'RecordPlanActual',
  { opportunityId: string; value: Money; units: number; productGroup: string; wonAt: string }
>;

export type PlanCommand = SetDealerPlan | RecordPlanActual;
