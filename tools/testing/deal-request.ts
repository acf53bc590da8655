/** The body of a request that opens a deal (or converts a lead into one); a test sets what its assertions read. */
export interface DealRequest {
  accountName: string;
  pipelineId: string;
  amount: { amount: number; currency: string };
  expectedCloseDate: string;
  products: Array<{ productId: string; quantity: number }>;
  channel: { kind: 'direct' } | { kind: 'dealer'; dealerId: string };
  ownerRepId?: string;
}

export function dealRequest(overrides: Partial<DealRequest> = {}): DealRequest {
  return {
    accountName: 'Acme',
    pipelineId: 'new-business',
    amount: { amount: 1000, currency: 'EUR' },
    expectedCloseDate: '2026-12-31',
    products: [{ productId: 'press-200', quantity: 1 }],
    channel: { kind: 'direct' },
    ...overrides,
  };
}
