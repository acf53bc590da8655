import type { Money } from '@salesos/kernel';
import { type FundRequest, type FundState, remainingCents, toCents } from './fund.decider';

/**
 * Where a budget stands, each request counted once, in the stage it has reached: `requested` awaits a decision,
 * `approved` is approved and not yet claimed, `claimed` is claimed and not yet paid, `paid` is paid. `remaining` is
 * what may still be approved: the budget less approved, claimed and paid. Rejected requests count nowhere.
 */
export interface FundPosition {
  dealerId: string;
  period: string;
  budget: Money;
  requested: Money;
  approved: Money;
  claimed: Money;
  paid: Money;
  remaining: Money;
}

const stageCents = (request: FundRequest): number => {
  switch (request.status) {
    case 'requested':
      return toCents(request.amount.amount);
    case 'approved':
      return toCents(request.approvedAmount.amount);
    case 'claimed':
    case 'paid':
      return toCents(request.claimedAmount.amount);
    case 'rejected':
      return 0;
  }
};

/** The budget's position; undefined where no budget was allocated. */
export function fundPosition(state: FundState): FundPosition | undefined {
  if (state.status === 'none') return undefined;
  const { currency } = state.budget;
  const money = (cents: number): Money => ({ amount: cents / 100, currency });
  const inStage = (status: FundRequest['status']): Money =>
    money(
      state.requests
        .filter((request) => request.status === status)
        .reduce((sum, request) => sum + stageCents(request), 0),
    );
  return {
    dealerId: state.dealerId,
    period: state.period,
    budget: state.budget,
    requested: inStage('requested'),
    approved: inStage('approved'),
    claimed: inStage('claimed'),
    paid: inStage('paid'),
    remaining: money(remainingCents(state)),
  };
}
