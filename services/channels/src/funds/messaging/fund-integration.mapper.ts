import { eventOf, FundClaimPaidV1, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { fundEvents } from '../domain/fund.events';

/**
 * What the world learns of a market development fund: each claim as it is paid. Budgets, requests, approvals and
 * claims stay inside the service.
 */
export function mapFundEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('funds-')) return [];
  const event = fundEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'FundClaimPaid': {
      const { dealerId, divisionId, period, requestId, amount, reference, paidAt, recordedAt } = event.data;
      return [
        eventOf(FundClaimPaidV1, envelope, {
          dealerId,
          divisionId,
          period,
          requestId,
          amount,
          reference,
          paidAt,
          recordedAt,
        }),
      ];
    }
    case 'FundBudgetAllocated':
    case 'FundBudgetAdjusted':
    case 'FundsRequested':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundsClaimed':
      return [];
  }
}
