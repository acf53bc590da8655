import type { EventMetadata, EventMetadataInput, RecordedEvent } from './event';

/** The columns every adapter stores for one event. */
export interface StoredEventRow {
  position: bigint;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  recordedAt: string;
}

/** Rebuilds the public event shape; identity and position come from the store, never from the payload. */
export function toRecordedEvent(row: StoredEventRow, data: unknown, metadata: EventMetadataInput): RecordedEvent {
  const full: EventMetadata = {
    ...metadata,
    eventId: row.eventId,
    type: row.type,
    schemaVersion: row.schemaVersion,
    streamId: row.streamId,
    streamVersion: row.streamVersion,
    globalPosition: row.position,
    recordedAt: row.recordedAt,
  };
  return { type: row.type, data, metadata: full };
}
