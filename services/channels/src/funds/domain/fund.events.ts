import { Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, Money, text } from '@salesos/kernel';
import { Period } from '../../core/domain/period';

/** A reference to a document proving the spending: an invoice number, a file id, a link. */
export const DocumentReference = text(1, 300);

/** A dealer's market development fund budget for a period, and the requests drawn on it, in one stream. */
export const fundEvents = defineEvents({
  FundBudgetAllocated: Type.Object({
    dealerId: Id,
    divisionId: Id,
    period: Period,
    amount: Money,
    allocatedBy: Id,
    allocatedAt: Instant,
  }),
  FundBudgetAdjusted: Type.Object({
    amount: Money,
    previousAmount: Money,
    adjustedBy: Id,
    reason: text(1, 500),
    adjustedAt: Instant,
  }),
  FundsRequested: Type.Object({
    requestId: Id,
    amount: Money,
    purpose: text(1, 500),
    requestedBy: Id,
    requestedAt: Instant,
  }),
  FundRequestApproved: Type.Object({ requestId: Id, approvedAmount: Money, approvedBy: Id, approvedAt: Instant }),
  FundRequestRejected: Type.Object({ requestId: Id, rejectedBy: Id, reason: text(1, 500), rejectedAt: Instant }),
  FundsClaimed: Type.Object({
    requestId: Id,
    claimedAmount: Money,
    proof: Type.Array(DocumentReference, { minItems: 1, maxItems: 50 }),
    claimedAt: Instant,
  }),
  /** Published as "fund claim paid": it names the dealer, division and period, so it stands alone. */
  FundClaimPaid: Type.Object({
    dealerId: Id,
    divisionId: Id,
    period: Period,
    requestId: Id,
    amount: Money,
    paidAt: Instant,
    reference: text(1, 200),
    recordedAt: Instant,
  }),
});

export type FundEvent = EventOf<typeof fundEvents>;
type FundEventOf<Type extends FundEvent['type']> = Extract<FundEvent, { type: Type }>;
export type FundBudgetAllocated = FundEventOf<'FundBudgetAllocated'>;
export type FundBudgetAdjusted = FundEventOf<'FundBudgetAdjusted'>;
export type FundsRequested = FundEventOf<'FundsRequested'>;
export type FundRequestApproved = FundEventOf<'FundRequestApproved'>;
export type FundRequestRejected = FundEventOf<'FundRequestRejected'>;
export type FundsClaimed = FundEventOf<'FundsClaimed'>;
export type FundClaimPaid = FundEventOf<'FundClaimPaid'>;

/** The stream of a dealer's budget for a period: one per dealer and period, holding its requests too. */
export const fundBudgetStreamId = (dealerId: string, period: string): string => `funds-${dealerId}-${period}`;
