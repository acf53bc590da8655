import type { PlanSummary } from '../application/plan-list.port';

/** The columns of the plan export, in order. */
export const planCsvColumns = [
  'dealer_id',
  'company_name',
  'period',
  'revision',
  'currency',
  'plan_value',
  'actual_value',
  'value_attainment',
  'plan_units',
  'actual_units',
  'unit_attainment',
] as const;

/** An attainment as a fraction with four decimals (0.3600 is 36 %), empty where nothing was planned. */
const fraction = (ratio: number | null): string => (ratio === null ? '' : ratio.toFixed(4));

/** One plan as a row of the export. */
export function planCsvRow(plan: PlanSummary): Array<string | number> {
  return [
    plan.dealerId,
    plan.companyName,
    plan.period,
    plan.revision,
    plan.planValue.currency,
    plan.planValue.amount.toFixed(2),
    plan.actualValue.amount.toFixed(2),
    fraction(plan.valueAttainment),
    plan.planUnits,
    plan.actualUnits,
    fraction(plan.unitAttainment),
  ];
}
