import { cloudEventSource, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';

/**
 * The published form of a stored event of the leads service: version 1 of `name`, keyed by `subject`, with the
 * stored event's id, business time, correlation, causation and division.
 */
export function leadsIntegrationEvent(
  recorded: RecordedEvent,
  name: string,
  subject: string,
  data: Record<string, unknown>,
): IntegrationEvent[] {
  const { metadata } = recorded;
  return [
    {
      id: metadata.eventId,
      type: `salesos.leads.${name}.v1`,
      source: cloudEventSource('leads'),
      subject,
      time: metadata.occurredAt,
      data,
      ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
      causationId: metadata.causationId ?? metadata.commandId ?? metadata.eventId,
      ...(metadata.divisionId ? { divisionId: metadata.divisionId } : {}),
    },
  ];
}
