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
