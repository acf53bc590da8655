import type { RequestContext } from '@salesos/http';
import type { PlanFigures, SetDealerPlanHandler } from '../../services/channels/src';
import type { DemoDivision } from './demo-company';
import type { BusinessTime, SeededRandom } from './seeded-random';

const dayMs = 24 * 60 * 60 * 1000;

/** A dealer that sells this year: its tier decides the size of its plan, its activation the day the plan is set. */
export interface PlannedDealer {
  dealerId: string;
  tierId: string;
  activatedAt: number;
}

/** The year's plan by tier, in the division's currency: about what the leads seed's dealers win in a year. */
const planRange: Readonly<Record<string, readonly [number, number]>> = {
  bronze: [100_000, 200_000],
  silver: [200_000, 350_000],
  gold: [300_000, 500_000],
};

/** How a review changes the plan, and why. */
const revisions = [
  { factor: 0.8, why: 'lowered, orders behind the plan' },
  { factor: 0.9, why: 'lowered, two large customers postponed' },
  { factor: 1.1, why: 'raised, orders ahead of the plan' },
  { factor: 1.25, why: 'raised, a second showroom opened' },
] as const;

/**
 * The plan's figures: the total split over the division's product groups by `shares`, each group's units at its
 * products' typical price; amounts in whole hundreds, so the mix adds up to the total exactly.
 */
function planFigures(division: DemoDivision, total: number, shares: readonly number[], reason: string): PlanFigures {
  const groups = division.productGroups;
  const values = groups.map((_, index) => Math.round((total * (shares[index] ?? 0)) / 100) * 100);
  values[values.length - 1] = total - values.slice(0, -1).reduce((sum, value) => sum + value, 0);
  const productMix = groups.map((group, index) => {
    const typical =
      group.products.reduce((sum, product) => sum + (product.price[0] + product.price[1]) / 2, 0) /
      group.products.length;
    const value = values[index] ?? 0;
    return {
      productGroup: group.groupId,
      value: { amount: value, currency: division.currency },
      units: Math.max(1, Math.round(value / typical)),
    };
  });
  return {
    value: { amount: total, currency: division.currency },
    units: productMix.reduce((sum, line) => sum + line.units, 0),
    productMix,
    reason,
  };
}

export interface PlansSeeded {
  plans: number;
  /** Revisions after the first, kept in each plan's history. */
  revisions: number;
}

/**
 * Sets each selling dealer's plan for the year of the seed's end through the channels service's own command, as the
 * division manager: at the start of the year, or a few days after a dealer activated later; every third plan revised
 * at the mid-year review, the first of them once more in the autumn, each revision kept with its reason.
 */
export async function seedDealerPlans(
  setPlan: SetDealerPlanHandler,
  time: BusinessTime,
  random: SeededRandom,
  division: DemoDivision,
  manager: RequestContext,
  dealers: readonly PlannedDealer[],
): Promise<PlansSeeded> {
  const year = new Date(time.end).getUTCFullYear();
  const period = String(year);
  const yearStart = Date.UTC(year, 0, 1);
  const seeded: PlansSeeded = { plans: 0, revisions: 0 };
  for (const [index, dealer] of dealers.entries()) {
    const [min, max] = planRange[dealer.tierId] ?? [100_000, 200_000];
    let total = Math.round(random.between(min, max) / 10_000) * 10_000;
    const first = division.productGroups.length > 1 ? random.between(0.4, 0.75) : 1;
    const shares = [first, 1 - first];
    const onboarding = dealer.activatedAt + 5 * dayMs > yearStart + 6 * dayMs;
    let setAt = Math.max(yearStart + 6 * dayMs, dealer.activatedAt + 5 * dayMs);
    time.at(setAt);
    const reason = onboarding ? 'First-year plan agreed at onboarding' : 'Annual plan agreed at the partner review';
    await setPlan.execute(dealer.dealerId, period, planFigures(division, total, shares, reason), manager);
    seeded.plans += 1;
    if (index % 3 !== 1) continue;
    const midYear = { name: 'Mid-year review', at: Date.UTC(year, 6, 1) };
    const reviews = index === 1 ? [midYear, { name: 'Autumn review', at: Date.UTC(year, 9, 1) }] : [midYear];
    for (const review of reviews) {
      const reviseAt = Math.max(review.at, setAt + 45 * dayMs);
      if (reviseAt >= time.end) break;
      const revision = random.pick(revisions);
      total = Math.round((total * revision.factor) / 10_000) * 10_000;
      time.at(reviseAt);
      const reason = `${review.name}: ${revision.why}`;
      await setPlan.execute(dealer.dealerId, period, planFigures(division, total, shares, reason), manager);
      seeded.revisions += 1;
      setAt = reviseAt;
    }
  }
  return seeded;
}
