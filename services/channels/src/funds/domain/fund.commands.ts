import type { Command } from '@salesos/event-sourcing';
import type { Money } from '@salesos/kernel';

export type AllocateFundBudget = Command<
  'AllocateFundBudget',
  { dealerId: string; divisionId: string; period: string; amount: Money; allocatedBy: string }
>;
/** Sets the budget to a new amount, in its currency. */
export type AdjustFundBudget = Command<'AdjustFundBudget', { amount: Money; adjustedBy: string; reason: string }>;
export type RequestFunds = Command<
  'RequestFunds',
  { requestId: string; amount: Money; purpose: string; requestedBy: string }
>;
export type ApproveFundRequest = Command<
  'ApproveFundRequest',
  { requestId: string; approvedBy: string; /** At most the amount requested. */ approvedAmount: Money }
>;
export type RejectFundRequest = Command<'RejectFundRequest', { requestId: string; rejectedBy: string; reason: string }>;
export type ClaimFunds = Command<
  'ClaimFunds',
  { requestId: string; /** At most the amount approved. */ claimedAmount: Money; proof: string[] }
>;
export type PayFundClaim = Command<'PayFundClaim', { requestId: string; paidAt: string; reference: string }>;

export type FundCommand =
  | AllocateFundBudget
  | AdjustFundBudget
  | RequestFunds
  | ApproveFundRequest
  | RejectFundRequest
  | ClaimFunds
  | PayFundClaim;
