/** An opportunity as the analytics show it behind a figure, read from the read model. */
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
