import {
  DealerActivatedV1,
  DealerReinstatedV1,
  DealerSuspendedV1,
  DealerTerminatedV1,
  eventOf,
  type IntegrationEvent,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { dealerEvents } from '../domain/dealer.events';

/**
 * What the world learns of a dealer's standing: activation, suspension, termination. The application and its
 * onboarding, reinstatement and the dealer's users stay inside the service. The channel and company name are only on
 * DealerApplied, so the published events leave them out (they are optional in the contracts).
 */
export function mapDealerEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('dealer-')) return [];
  const event = dealerEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'DealerActivated': {
      const { dealerId, divisionId, channelId, companyName, activatedAt } = event.data;
      return [eventOf(DealerActivatedV1, envelope, { dealerId, divisionId, channelId, companyName, activatedAt })];
    }
    case 'DealerSuspended': {
      const { dealerId, divisionId, reason, suspendedAt } = event.data;
      return [eventOf(DealerSuspendedV1, envelope, { dealerId, divisionId, reason, suspendedAt })];
    }
    case 'DealerTerminated': {
      const { dealerId, divisionId, reason, effectiveDay, terminatedAt } = event.data;
      return [eventOf(DealerTerminatedV1, envelope, { dealerId, divisionId, reason, effectiveDay, terminatedAt })];
    }
    case 'DealerReinstated': {
      const { dealerId, divisionId, reinstatedAt } = event.data;
      return [eventOf(DealerReinstatedV1, envelope, { dealerId, divisionId, reinstatedAt })];
    }
    case 'DealerApplied':
    case 'DealerApplicationApproved':
    case 'DealerApplicationRejected':
    case 'OnboardingRequirementTicked':
    case 'DealerUserAdded':
    case 'DealerUserRemoved':
      return [];
  }
}
