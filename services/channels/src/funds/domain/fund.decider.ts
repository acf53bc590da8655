import type { CommandMetadata, Decider } from '@salesos/event-sourcing';
import { type Money, sameMoney } from '@salesos/kernel';
import type { FundCommand } from './fund.commands';
import { FundError, FundErrorCode } from './fund.errors';
import { isPeriod, noPeriodMessage } from '../../core/domain/period';
import { type FundEvent, fundEvents } from './fund.events';

interface Requested {
  requestId: string;
  amount: Money;
  purpose: string;
  requestedBy: string;
  requestedAt: string;
}
interface Approved extends Requested {
  approvedAmount: Money;
  approvedBy: string;
}
interface Claimed extends Approved {
  claimedAmount: Money;
  proof: string[];
}

/** A request through its states; each state holds what it has been given so far. */
export type FundRequest =
  | (Requested & { status: 'requested' })
  | (Requested & { status: 'rejected'; rejectedBy: string; rejectionReason: string })
  | (Approved & { status: 'approved' })
  | (Claimed & { status: 'claimed' })
  | (Claimed & { status: 'paid'; paidAt: string; reference: string });

export interface FundBudget {
  status: 'allocated';
  dealerId: string;
  divisionId: string;
  period: string;
  budget: Money;
  /** In the order requested. */
  requests: FundRequest[];
}

export type FundState = { status: 'none' } | FundBudget;

/** Amounts are compared and summed in cents, so that 0.1 + 0.2 is 0.3 as people expect. */
export const toCents = (amount: number): number => Math.round(amount * 100);
const shown = (cents: number, currency: string): string => `${cents / 100} ${currency}`;

/**
 * What a request holds of the budget: the approved amount until it is claimed, then the claimed amount (a claim below
 * the approval gives the rest back), paid or not. Requested and rejected requests hold nothing.
 */
export function committedCents(request: FundRequest): number {
  switch (request.status) {
    case 'claimed':
    case 'paid':
      return toCents(request.claimedAmount.amount);
    case 'approved':
      return toCents(request.approvedAmount.amount);
    case 'requested':
    case 'rejected':
      return 0;
  }
}

/** What the budget still allows to approve: the budget less everything approved, claimed or paid. */
export function remainingCents(budget: FundBudget): number {
  return toCents(budget.budget.amount) - budget.requests.reduce((sum, request) => sum + committedCents(request), 0);
}

function invalid(message: string, field: string): FundError {
  return new FundError(FundErrorCode.InvalidInput, message, field);
}

/** One currency per budget: every amount drawn on it is in the budget's. */
function inCurrency(budget: FundBudget, money: Money, field: string): void {
  if (money.currency !== budget.budget.currency) {
    throw invalid(`is ${money.currency}, but the budget is in ${budget.budget.currency}`, `${field}.currency`);
  }
}

function positive(budget: FundBudget, money: Money, field: string): void {
  inCurrency(budget, money, field);
  if (toCents(money.amount) <= 0) throw invalid('must be more than 0', `${field}.amount`);
}

function existing(state: FundState, metadata: CommandMetadata): FundBudget {
  const division = metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new FundError(FundErrorCode.NotFound, 'No fund budget for this dealer and period in your division');
  }
  return state;
}

function requestOf(budget: FundBudget, requestId: string): FundRequest {
  const request = budget.requests.find((candidate) => candidate.requestId === requestId);
  if (request === undefined) {
    throw new FundError(FundErrorCode.RequestNotFound, `No fund request ${requestId} on this budget`, 'requestId');
  }
  return request;
}

function wrongState(request: FundRequest, action: string): FundError {
  return new FundError(
    FundErrorCode.WrongState,
    `Fund request ${request.requestId} is ${request.status} and cannot be ${action}`,
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, at) => item === b[at]);
}

/**
 * A dealer's market development fund budget for one period, and every request drawn on it: requested, approved or
 * rejected, claimed with proof, paid. The budget is never overdrawn: approved-but-unpaid plus paid stays within it.
 *
 * The budget and its requests are ONE stream on purpose: each decision is taken on the whole stream's state and
 * appended with the stream's expected version, so two approvals decided at the same time on the same version cannot
 * both be appended. The store refuses the second (a version conflict); retried, it is decided again on the state that
 * includes the first, and is refused here if the budget no longer covers it. Splitting the requests into streams of
 * their own would lose this guarantee.
 */
export const fundDecider: Decider<FundState, FundCommand, FundEvent> = {
  events: fundEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): FundEvent[] {
    const now = command.metadata.now;
    if (command.type === 'AllocateFundBudget') {
      const { dealerId, period, amount } = command.data;
      if (!isPeriod(period)) throw invalid(noPeriodMessage(period), 'period');
      if (state.status === 'none')
        return [{ type: 'FundBudgetAllocated', data: { ...command.data, allocatedAt: now } }];
      const budget = existing(state, command.metadata);
      if (budget.dealerId === dealerId && budget.period === period && sameMoney(budget.budget, amount)) return [];
      throw new FundError(
        FundErrorCode.AlreadyExists,
        `The fund budget of dealer ${budget.dealerId} for ${budget.period} is allocated already (${budget.budget.amount} ${budget.budget.currency}); adjust it instead`,
      );
    }
    const budget = existing(state, command.metadata);
    switch (command.type) {
      case 'AdjustFundBudget': {
        const { amount } = command.data;
        inCurrency(budget, amount, 'amount');
        if (sameMoney(amount, budget.budget)) return [];
        const committed = toCents(budget.budget.amount) - remainingCents(budget);
        if (toCents(amount.amount) < committed) {
          throw new FundError(
            FundErrorCode.BudgetExceeded,
            `${shown(committed, amount.currency)} is approved, claimed or paid already; the budget cannot go below it`,
            'amount.amount',
          );
        }
        return [
          {
            type: 'FundBudgetAdjusted',
            data: { ...command.data, previousAmount: budget.budget, adjustedAt: now },
          },
        ];
      }
      case 'RequestFunds': {
        const { requestId, amount, purpose, requestedBy } = command.data;
        positive(budget, amount, 'amount');
        const known = budget.requests.find((request) => request.requestId === requestId);
        if (known !== undefined) {
          if (sameMoney(known.amount, amount) && known.purpose === purpose && known.requestedBy === requestedBy)
            return [];
          throw new FundError(
            FundErrorCode.RequestExists,
            `Fund request ${requestId} exists already, with other details, and is ${known.status}`,
            'requestId',
          );
        }
        return [{ type: 'FundsRequested', data: { ...command.data, requestedAt: now } }];
      }
      case 'ApproveFundRequest': {
        const { requestId, approvedAmount, approvedBy } = command.data;
        const request = requestOf(budget, requestId);
        if (
          request.status === 'approved' &&
          request.approvedAmount &&
          sameMoney(request.approvedAmount, approvedAmount)
        )
          return [];
        if (request.status !== 'requested') throw wrongState(request, 'approved');
        positive(budget, approvedAmount, 'approvedAmount');
        if (toCents(approvedAmount.amount) > toCents(request.amount.amount)) {
          throw invalid(
            `is more than the ${request.amount.amount} ${request.amount.currency} requested`,
            'approvedAmount.amount',
          );
        }
        const remaining = remainingCents(budget);
        if (toCents(approvedAmount.amount) > remaining) {
          throw new FundError(
            FundErrorCode.BudgetExceeded,
            `Approving ${approvedAmount.amount} ${approvedAmount.currency} would overdraw the budget of ${budget.budget.amount} ${budget.budget.currency}: ${shown(remaining, budget.budget.currency)} remains`,
            'approvedAmount.amount',
          );
        }
        return [{ type: 'FundRequestApproved', data: { requestId, approvedAmount, approvedBy, approvedAt: now } }];
      }
      case 'RejectFundRequest': {
        const request = requestOf(budget, command.data.requestId);
        if (request.status === 'rejected') return [];
        if (request.status !== 'requested') throw wrongState(request, 'rejected');
        return [{ type: 'FundRequestRejected', data: { ...command.data, rejectedAt: now } }];
      }
      case 'ClaimFunds': {
        const { requestId, claimedAmount, proof } = command.data;
        const request = requestOf(budget, requestId);
        if (
          (request.status === 'claimed' || request.status === 'paid') &&
          sameMoney(request.claimedAmount, claimedAmount) &&
          sameList(request.proof, proof)
        )
          return [];
        if (request.status !== 'approved') throw wrongState(request, 'claimed');
        positive(budget, claimedAmount, 'claimedAmount');
        const approved = request.approvedAmount;
        if (toCents(claimedAmount.amount) > toCents(approved.amount)) {
          throw invalid(`is more than the ${approved.amount} ${approved.currency} approved`, 'claimedAmount.amount');
        }
        if (proof.length === 0) throw invalid('must name at least one document proving the spending', 'proof');
        const repeated = proof.findIndex((reference, at) => proof.indexOf(reference) !== at);
        if (repeated !== -1) throw invalid(`lists '${proof[repeated]}' a second time`, `proof[${repeated}]`);
        return [{ type: 'FundsClaimed', data: { requestId, claimedAmount, proof, claimedAt: now } }];
      }
      case 'PayFundClaim': {
        const { requestId, paidAt, reference } = command.data;
        const request = requestOf(budget, requestId);
        if (request.status === 'paid' && request.reference === reference) return [];
        if (request.status === 'paid') {
          throw new FundError(
            FundErrorCode.WrongState,
            `Fund request ${requestId} is paid already, with reference ${request.reference}`,
          );
        }
        if (request.status !== 'claimed') throw wrongState(request, 'paid');
        if (Date.parse(paidAt) > Date.parse(now)) throw invalid(`${paidAt} lies after now (${now})`, 'paidAt');
        return [
          {
            type: 'FundClaimPaid',
            data: {
              dealerId: budget.dealerId,
              divisionId: budget.divisionId,
              period: budget.period,
              requestId,
              amount: request.claimedAmount,
              paidAt,
              reference,
              recordedAt: now,
            },
          },
        ];
      }
    }
  },

  evolve(state, event): FundState {
    if (event.type === 'FundBudgetAllocated') {
      const { dealerId, divisionId, period, amount } = event.data;
      return { status: 'allocated', dealerId, divisionId, period, budget: amount, requests: [] };
    }
    if (state.status === 'none') return state;
    /** The request, moved on when it is in the state the event follows; events come in order, so it always is. */
    const update = (requestId: string, move: (request: FundRequest) => FundRequest): FundState => ({
      ...state,
      requests: state.requests.map((request) => (request.requestId === requestId ? move(request) : request)),
    });
    switch (event.type) {
      case 'FundBudgetAdjusted':
        return { ...state, budget: event.data.amount };
      case 'FundsRequested':
        return { ...state, requests: [...state.requests, { status: 'requested', ...event.data }] };
      case 'FundRequestApproved': {
        const { requestId, approvedAmount, approvedBy } = event.data;
        return update(requestId, (request) =>
          request.status === 'requested' ? { ...request, status: 'approved', approvedAmount, approvedBy } : request,
        );
      }
      case 'FundRequestRejected': {
        const { requestId, rejectedBy, reason } = event.data;
        return update(requestId, (request) =>
          request.status === 'requested'
            ? { ...request, status: 'rejected', rejectedBy, rejectionReason: reason }
            : request,
        );
      }
      case 'FundsClaimed': {
        const { requestId, claimedAmount, proof } = event.data;
        return update(requestId, (request) =>
          request.status === 'approved' ? { ...request, status: 'claimed', claimedAmount, proof } : request,
        );
      }
      case 'FundClaimPaid': {
        const { requestId, paidAt, reference } = event.data;
        return update(requestId, (request) =>
          request.status === 'claimed' ? { ...request, status: 'paid', paidAt, reference } : request,
        );
      }
    }
  },
};
