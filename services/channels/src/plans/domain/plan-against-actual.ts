import type { Money } from '@salesos/kernel';
import { type PlanState, toCents } from './plan.decider';

/** A plan figure beside what was won; a ratio is null where nothing was planned (no ratio to a zero plan). */
export interface Attainment {
  planValue: Money;
  actualValue: Money;
  /** actual ÷ plan value: 1 is on plan. */
  valueAttainment: number | null;
  planUnits: number;
  actualUnits: number;
  unitAttainment: number | null;
}

export interface PlanAgainstActual {
  dealerId: string;
  period: string;
  /** The revision in force, against which the actuals are measured. */
  revision: number;
  total: Attainment;
  /** The plan's product groups in its order, then groups won without a plan, by name. */
  productGroups: Array<Attainment & { productGroup: string }>;
}

interface Tally {
  planCents: number;
  actualCents: number;
  planUnits: number;
  actualUnits: number;
}

const ratio = (actual: number, plan: number): number | null => (plan === 0 ? null : actual / plan);

function attainment(tally: Tally, currency: string): Attainment {
  return {
    planValue: { amount: tally.planCents / 100, currency },
    actualValue: { amount: tally.actualCents / 100, currency },
    valueAttainment: ratio(tally.actualCents, tally.planCents),
    planUnits: tally.planUnits,
    actualUnits: tally.actualUnits,
    unitAttainment: ratio(tally.actualUnits, tally.planUnits),
  };
}

/** The plan in force against the deals won, in total and per product group; undefined where no plan was set. */
export function planAgainstActual(state: PlanState): PlanAgainstActual | undefined {
  if (state.status === 'none') return undefined;
  const { current } = state;
  const total: Tally = {
    planCents: toCents(current.value.amount),
    actualCents: 0,
    planUnits: current.units,
    actualUnits: 0,
  };
  const groups = new Map<string, Tally>(
    current.productMix.map((line) => [
      line.productGroup,
      { planCents: toCents(line.value.amount), actualCents: 0, planUnits: line.units, actualUnits: 0 },
    ]),
  );
  const unplanned = [...new Set(state.actuals.map((actual) => actual.productGroup))]
    .filter((group) => !groups.has(group))
    .sort();
  for (const group of unplanned) groups.set(group, { planCents: 0, actualCents: 0, planUnits: 0, actualUnits: 0 });
  for (const actual of state.actuals) {
    for (const tally of [total, groups.get(actual.productGroup)]) {
      if (tally === undefined) continue;
      tally.actualCents += toCents(actual.value.amount);
      tally.actualUnits += actual.units;
    }
  }
  const currency = current.value.currency;
  return {
    dealerId: state.dealerId,
    period: state.period,
    revision: current.revision,
    total: attainment(total, currency),
    productGroups: [...groups].map(([productGroup, tally]) => ({ productGroup, ...attainment(tally, currency) })),
  };
}
