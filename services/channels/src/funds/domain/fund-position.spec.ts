import { foldEvents } from '@salesos/event-sourcing';
import { fundPosition } from './fund-position';
import { fundDecider } from './fund.decider';
import type { FundEvent } from './fund.events';

const at = '2026-04-10T12:00:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const budget = { dealerId: 'dealer-3', divisionId: 'north', period: '2026-Q2' };
const requested = (requestId: string, amount: number): FundEvent => ({
  type: 'FundsRequested',
  data: { requestId, amount: eur(amount), purpose: 'Mailing', requestedBy: 'u-1', requestedAt: at },
});
const approved = (requestId: string, amount: number): FundEvent => ({
  type: 'FundRequestApproved',
  data: { requestId, approvedAmount: eur(amount), approvedBy: 'm-1', approvedAt: at },
});
const claimed = (requestId: string, amount: number): FundEvent => ({
  type: 'FundsClaimed',
  data: { requestId, claimedAmount: eur(amount), proof: ['doc-1'], claimedAt: at },
});
const position = (events: FundEvent[]) => fundPosition(foldEvents(fundDecider, events));

describe('fundPosition', () => {
  it('counts each request in the stage it reached, and what may still be approved', () => {
    expect(
      position([
        { type: 'FundBudgetAllocated', data: { ...budget, amount: eur(10_000), allocatedBy: 'm-1', allocatedAt: at } },
        {
          type: 'FundBudgetAdjusted',
          data: { amount: eur(12_000), previousAmount: eur(10_000), adjustedBy: 'm-1', reason: 'r', adjustedAt: at },
        },
        requested('pending', 700.1),
        requested('approved', 3_000),
        approved('approved', 2_500.2),
        requested('claimed', 2_000),
        approved('claimed', 2_000),
        claimed('claimed', 1_500),
        requested('paid', 4_000),
        approved('paid', 4_000),
        claimed('paid', 4_000),
        {
          type: 'FundClaimPaid',
          data: { ...budget, requestId: 'paid', amount: eur(4_000), paidAt: at, reference: 'P-1', recordedAt: at },
        },
        requested('rejected', 900),
        {
          type: 'FundRequestRejected',
          data: { requestId: 'rejected', rejectedBy: 'm-1', reason: 'no', rejectedAt: at },
        },
      ]),
    ).toEqual({
      dealerId: 'dealer-3',
      period: '2026-Q2',
      budget: eur(12_000),
      requested: eur(700.1),
      approved: eur(2_500.2),
      claimed: eur(1_500),
      paid: eur(4_000),
      remaining: eur(3_999.8),
    });
  });

  it('is undefined where no budget was allocated', () => {
    expect(position([])).toBeUndefined();
  });
});
