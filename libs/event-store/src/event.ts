/** Who caused an event: the user and the roles they acted with. */
export interface Actor {
  userId: string;
  roles: string[];
}

/** Metadata the writer supplies; the store adds identity and position when it records the event. */
export interface EventMetadataInput {
  /** Business time: when the fact happened, as ISO-8601. */
  occurredAt: string;
  divisionId?: string;
  actor?: Actor;
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  /** Of a command sent with an idempotency key: what the request asked for, to tell a retry from a reuse. */
  requestFingerprint?: string;
}

/** Full metadata of a recorded event (ARCHITECTURE.md section 2). */
export interface EventMetadata extends EventMetadataInput {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** 1-based position of the event inside its stream; the stream's version after it. */
  streamVersion: number;
  /** Store-wide position; strictly increasing in read order, not necessarily dense. */
  globalPosition: bigint;
  /** When the store recorded it, as ISO-8601. */
  recordedAt: string;
}

/** An event about to be appended. Ids are supplied by the caller so retries stay idempotent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  /** Version of the payload's shape; defaults to 1. Upcasters read older versions in the current shape. */
  schemaVersion?: number;
  data: Data;
  metadata: EventMetadataInput;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** `no_stream`: must not exist; `stream_exists`: must exist; `any`: no check; a number: the exact current version. */
export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

export interface AppendResult {
  /** The stream's version after the append: pass it as the expected version of the next one. */
  nextExpectedVersion: number;
  /** Global position of the last event of the batch. */
  lastPosition: bigint;
}

/** The category of `lead-42` is `lead`: the part before the first dash. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
