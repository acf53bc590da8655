import { addTo, type ByCurrency, daysBetween, median, type OpportunityFacts, round2 } from './opportunity-facts';

export interface StageFigures {
  pipelineId: string;
  stageId: string;
  probability: number;
  count: number;
  value: ByCurrency;
  weightedValue: ByCurrency;
}

/** Open opportunities by pipeline and stage: how many, their value and their value weighted by the stage's odds. */
export function pipelineByStage(opportunities: readonly OpportunityFacts[]): StageFigures[] {
  const stages = new Map<string, StageFigures>();
  for (const deal of opportunities) {
    if (deal.status !== 'open') continue;
    const key = `${deal.pipelineId}\u0000${deal.stageId}`;
    const figures = stages.get(key) ?? {
      pipelineId: deal.pipelineId,
      stageId: deal.stageId,
      probability: deal.probability,
      count: 0,
      value: {},
      weightedValue: {},
    };
    figures.count += 1;
    addTo(figures.value, deal.currency, deal.amount);
    addTo(figures.weightedValue, deal.currency, deal.amount * deal.probability);
    stages.set(key, figures);
  }
  return [...stages.values()].sort((a, b) =>
    a.pipelineId === b.pipelineId ? a.probability - b.probability : a.pipelineId.localeCompare(b.pipelineId),
  );
}

export interface OutcomeFigures {
  won: number;
  lost: number;
  /** won / (won + lost) of the deals closed in the period; undefined when none closed. */
  winRate: number | undefined;
  wonValue: ByCurrency;
  averageDealSize: ByCurrency;
  /** Days from opening to winning, over the deals won in the period. */
  medianSalesCycleDays: number | undefined;
  /**
   * Value the pipeline turns into wins per day: open deals x win rate x average deal size / median sales cycle,
   * per currency.
   */
  pipelineVelocityPerDay: ByCurrency;
  openDeals: number;
}

/** Win rate, deal size, sales cycle and velocity of the deals closed in a period, beside the deals open now. */
export function outcomes(
  closedInPeriod: readonly OpportunityFacts[],
  openNow: readonly OpportunityFacts[],
): OutcomeFigures {
  const won = closedInPeriod.filter((deal) => deal.status === 'won');
  const lost = closedInPeriod.filter((deal) => deal.status === 'lost');
  const winRate = won.length + lost.length === 0 ? undefined : won.length / (won.length + lost.length);
  const wonValue: ByCurrency = {};
  const wonCount: Record<string, number> = {};
  for (const deal of won) {
    addTo(wonValue, deal.currency, deal.amount);
    wonCount[deal.currency] = (wonCount[deal.currency] ?? 0) + 1;
  }
  const averageDealSize: ByCurrency = Object.fromEntries(
    Object.entries(wonValue).map(([currency, value]) => [currency, round2(value / (wonCount[currency] ?? 1))]),
  );
  const cycle = median(won.map((deal) => daysBetween(deal.openedAt, deal.closedAt ?? deal.openedAt)));
  const openByCurrency: Record<string, number> = {};
  for (const deal of openNow) openByCurrency[deal.currency] = (openByCurrency[deal.currency] ?? 0) + 1;
  const pipelineVelocityPerDay: ByCurrency = {};
  if (winRate !== undefined && cycle !== undefined && cycle > 0) {
    for (const [currency, size] of Object.entries(averageDealSize)) {
      pipelineVelocityPerDay[currency] = round2(((openByCurrency[currency] ?? 0) * winRate * size) / cycle);
    }
  }
  return {
    won: won.length,
    lost: lost.length,
    winRate: winRate === undefined ? undefined : round4(winRate),
    wonValue,
    averageDealSize,
    medianSalesCycleDays: cycle === undefined ? undefined : round2(cycle),
    pipelineVelocityPerDay,
    openDeals: openNow.length,
  };
}

export interface CustomerFigures {
  accountName: string;
  deals: number;
  value: ByCurrency;
}

/** Accounts ranked by won value and by open pipeline, each list at most `limit` long. */
export function keyCustomers(
  wonInPeriod: readonly OpportunityFacts[],
  openNow: readonly OpportunityFacts[],
  limit: number,
): { byWonValue: CustomerFigures[]; byOpenPipeline: CustomerFigures[] } {
  const rank = (deals: readonly OpportunityFacts[]): CustomerFigures[] => {
    const accounts = new Map<string, CustomerFigures>();
    for (const deal of deals) {
      const figures = accounts.get(deal.accountName) ?? { accountName: deal.accountName, deals: 0, value: {} };
      figures.deals += 1;
      addTo(figures.value, deal.currency, deal.amount);
      accounts.set(deal.accountName, figures);
    }
    const total = (figures: CustomerFigures): number => Object.values(figures.value).reduce((a, b) => a + b, 0);
    return [...accounts.values()]
      .sort((a, b) => total(b) - total(a) || a.accountName.localeCompare(b.accountName))
      .slice(0, limit);
  };
  return { byWonValue: rank(wonInPeriod), byOpenPipeline: rank(openNow) };
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
