/** An opportunity as the analytics see it, read from the read model. */
export interface OpportunityFacts {
  opportunityId: string;
  divisionId: string;
  leadId?: string;
  accountName: string;
  ownerRepId?: string;
  pipelineId: string;
  stageId: string;
  probability: number;
  amount: number;
  currency: string;
  expectedCloseDate: string;
  channel: string;
  dealerId?: string;
  products: Array<{ productId: string; quantity: number }>;
  status: 'open' | 'won' | 'lost';
  openedAt: string;
  closedAt?: string;
  lossReason?: string;
  source?: string;
  segmentIds: string[];
}

/** Money figures keep their currencies apart: a total over EUR and USD deals is one figure per currency. */
export type ByCurrency = Record<string, number>;

export function addTo(totals: ByCurrency, currency: string, amount: number): void {
  totals[currency] = round2((totals[currency] ?? 0) + amount);
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

const dayMs = 24 * 60 * 60 * 1000;

export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / dayMs;
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
