import type { IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { leadsIntegrationEvent } from '../../shared/leads-integration-event';
import type { DealRegistrationEvent } from '../domain/deal-registration.decider';

/** Every decision is published, as the answer the channels service waits for. */
export function mapDealRegistrationEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('dealregistration-')) return [];
  const event = recorded as unknown as DealRegistrationEvent;
  return leadsIntegrationEvent(recorded, event.type, event.data.registrationId, { ...event.data });
}
