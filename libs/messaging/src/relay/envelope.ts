import type { EventEnvelope } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';

/**
 * The envelope of a stored event's published form: the stored event's id, business time, correlation, causation
 * and division.
 */
export function envelopeOf(recorded: RecordedEvent): EventEnvelope {
  const { metadata } = recorded;
  return {
    id: metadata.eventId,
    time: metadata.occurredAt,
    ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
    causationId: metadata.causationId ?? metadata.commandId ?? metadata.eventId,
    ...(metadata.divisionId ? { divisionId: metadata.divisionId } : {}),
  };
}
