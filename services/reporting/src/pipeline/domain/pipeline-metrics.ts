import { addTo, type ByCurrency, round2 } from '../../core/domain/money-totals';

/** Open deals of one pipeline stage in one currency, as the read model sums them. */
export interface StageTotals {
  pipelineId: string;
  stageId: string;
  currency: string;
  probability: number;
  count: number;
  value: number;
  weightedValue: number;
}

export interface StageFigures {
  pipelineId: string;
  stageId: string;
  probability: number;
  count: number;
  value: ByCurrency;
  weightedValue: ByCurrency;
}

/**
 * Open deals by pipeline and stage: how many, their value and their value weighted by the stage's odds, money kept
 * apart by currency; stages in pipeline order (by their odds).
 */
export function pipelineByStage(totals: readonly StageTotals[]): StageFigures[] {
  const stages = new Map<string, StageFigures>();
  for (const total of totals) {
    const key = `${total.pipelineId}\u0000${total.stageId}`;
    const figures = stages.get(key) ?? {
      pipelineId: total.pipelineId,
      stageId: total.stageId,
      probability: total.probability,
      count: 0,
      value: {},
      weightedValue: {},
    };
    figures.probability = Math.max(figures.probability, total.probability);
    figures.count += total.count;
    addTo(figures.value, total.currency, total.value);
    addTo(figures.weightedValue, total.currency, total.weightedValue);
    stages.set(key, figures);
  }
  return [...stages.values()].sort((a, b) =>
    a.pipelineId === b.pipelineId ? a.probability - b.probability : a.pipelineId.localeCompare(b.pipelineId),
  );
}

/** Deals closed in a period with one outcome in one currency. */
export interface ClosedTotals {
  status: 'won' | 'lost';
  currency: string;
  count: number;
  value: number;
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
   * Value the pipeline turns into wins per day: deals open at the period's end x win rate x average deal size /
   * median sales cycle, per currency.
   */
  pipelineVelocityPerDay: ByCurrency;
  /** Deals open at the end of the period (now, for a period without an end). */
  openDeals: number;
}

/**
 * Win rate, deal size, sales cycle and velocity of the deals closed in a period, beside the deals open at its end
 * (by currency).
 */
export function outcomes(
  closedInPeriod: readonly ClosedTotals[],
  medianCycleDays: number | undefined,
  openAtEndByCurrency: Readonly<Record<string, number>>,
): OutcomeFigures {
  const count = (status: ClosedTotals['status']) =>
    closedInPeriod.filter((total) => total.status === status).reduce((sum, total) => sum + total.count, 0);
  const won = count('won');
  const lost = count('lost');
  const winRate = won + lost === 0 ? undefined : won / (won + lost);
  const wonValue: ByCurrency = {};
  const averageDealSize: ByCurrency = {};
  for (const total of closedInPeriod) {
    if (total.status !== 'won' || total.count === 0) continue;
    addTo(wonValue, total.currency, total.value);
    averageDealSize[total.currency] = round2(total.value / total.count);
  }
  const pipelineVelocityPerDay: ByCurrency = {};
  if (winRate !== undefined && medianCycleDays !== undefined && medianCycleDays > 0) {
    for (const [currency, size] of Object.entries(averageDealSize)) {
      pipelineVelocityPerDay[currency] = round2(
        ((openAtEndByCurrency[currency] ?? 0) * winRate * size) / medianCycleDays,
      );
    }
  }
  return {
    won,
    lost,
    winRate: winRate === undefined ? undefined : round4(winRate),
    wonValue,
    averageDealSize,
    medianSalesCycleDays: medianCycleDays === undefined ? undefined : round2(medianCycleDays),
    pipelineVelocityPerDay,
    openDeals: Object.values(openAtEndByCurrency).reduce((sum, deals) => sum + deals, 0),
  };
}

/** One account's deals in one currency. */
export interface AccountTotals {
  accountName: string;
  currency: string;
  deals: number;
  value: number;
}

export interface CustomerFigures {
  accountName: string;
  deals: number;
  value: ByCurrency;
}

/** Accounts in the order given (the ranking), each with its deals and value by currency. */
export function customerFigures(ranking: readonly string[], totals: readonly AccountTotals[]): CustomerFigures[] {
  const accounts = new Map<string, CustomerFigures>(
    ranking.map((accountName) => [accountName, { accountName, deals: 0, value: {} }]),
  );
  for (const total of totals) {
    const figures = accounts.get(total.accountName);
    if (figures === undefined) continue;
    figures.deals += total.deals;
    addTo(figures.value, total.currency, total.value);
  }
  return [...accounts.values()];
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
