import { cloudEventSource, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import type { DealRegistrationEvent } from '../domain/deal-registration.decider';

/** Every decision is published, as the answer the channels service waits for. */
export function mapDealRegistrationEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('dealregistration-')) return [];
  const event = recorded as unknown as DealRegistrationEvent;
  const { metadata } = recorded;
  return [
    {
      id: metadata.eventId,
      type: `salesos.leads.${event.type}.v1`,
      source: cloudEventSource('leads'),
      subject: event.data.registrationId,
      time: metadata.occurredAt,
      data: { ...event.data },
      ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
      causationId: metadata.causationId ?? metadata.eventId,
      divisionId: event.data.divisionId,
    },
  ];
}
