import type { ExpectedVersion, NewEvent } from './event';
import { EventStoreErrorCode, InvalidAppendError } from './event-store.errors';
import { uuidPattern } from '@salesos/kernel';

export interface AppendLimits {
  maxEventsPerAppend: number;
  /** Size of one event's serialized data plus metadata, in bytes. */
  maxEventBytes: number;
}

export const defaultAppendLimits: AppendLimits = {
  maxEventsPerAppend: 10_000,
  maxEventBytes: 1024 * 1024,
};

/** An event checked and serialized once, ready for any adapter to store. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

const streamIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]*$/;
const maxStreamIdLength = 256;
const eventTypePattern = /^[A-Za-z][A-Za-z0-9_.]*$/;
const maxEventTypeLength = 200;
const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function invalid(code: EventStoreErrorCode, message: string): InvalidAppendError {
  return new InvalidAppendError(code, message);
}

export function assertValidStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw invalid(EventStoreErrorCode.InvalidStreamId, 'Stream id must be a non-empty string');
  }
  if (streamId.length > maxStreamIdLength) {
    throw invalid(
      EventStoreErrorCode.InvalidStreamId,
      `Stream id is ${streamId.length} characters long; at most ${maxStreamIdLength} are allowed`,
    );
  }
  if (!streamIdPattern.test(streamId)) {
    throw invalid(
      EventStoreErrorCode.InvalidStreamId,
      `Stream id '${streamId}' may hold only letters, digits and _ . : @ -, and must start with a letter or digit`,
    );
  }
}

export function assertValidExpectedVersion(expected: unknown): asserts expected is ExpectedVersion {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw invalid(
    EventStoreErrorCode.InvalidExpectedVersion,
    `Expected version must be 'no_stream', 'stream_exists', 'any' or a non-negative integer, got ${describe(expected)}`,
  );
}

/** Validates a whole batch before anything is written, and serializes each event once. */
export function prepareAppend(
  streamId: unknown,
  events: unknown,
  expected: unknown,
  limits: AppendLimits = defaultAppendLimits,
): PreparedEvent[] {
  assertValidStreamId(streamId);
  assertValidExpectedVersion(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw invalid(EventStoreErrorCode.EmptyBatch, `Append to '${streamId}' needs at least one event`);
  }
  if (events.length > limits.maxEventsPerAppend) {
    throw invalid(
      EventStoreErrorCode.BatchTooLarge,
      `Append to '${streamId}' has ${events.length} events; at most ${limits.maxEventsPerAppend} are allowed per append`,
    );
  }
  const seen = new Set<string>();
  return events.map((event: unknown, index) => {
    const prepared = prepareEvent(event, `events[${index}]`, limits);
    const key = prepared.eventId.toLowerCase();
    if (seen.has(key)) {
      throw invalid(
        EventStoreErrorCode.InvalidEvent,
        `events[${index}].eventId repeats ${prepared.eventId} within the batch`,
      );
    }
    seen.add(key);
    return prepared;
  });
}

function prepareEvent(event: unknown, path: string, limits: AppendLimits): PreparedEvent {
  if (!isPlainObject(event)) {
    throw invalid(EventStoreErrorCode.InvalidEvent, `${path} must be an object`);
  }
  const candidate = event as Partial<NewEvent>;
  if (typeof candidate.eventId !== 'string' || !uuidPattern.test(candidate.eventId)) {
    throw invalid(
      EventStoreErrorCode.InvalidEvent,
      `${path}.eventId must be a UUID, got ${describe(candidate.eventId)}`,
    );
  }
  if (
    typeof candidate.type !== 'string' ||
    candidate.type.length > maxEventTypeLength ||
    !eventTypePattern.test(candidate.type)
  ) {
    throw invalid(
      EventStoreErrorCode.InvalidEvent,
      `${path}.type must be a name of letters, digits, _ and . starting with a letter (at most ${maxEventTypeLength}), got ${describe(candidate.type)}`,
    );
  }
  const schemaVersion = candidate.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw invalid(EventStoreErrorCode.InvalidEvent, `${path}.schemaVersion must be a positive integer`);
  }
  if (!('data' in candidate) || candidate.data === undefined) {
    throw invalid(EventStoreErrorCode.InvalidEvent, `${path}.data is missing`);
  }
  assertJsonValue(candidate.data, `${path}.data`);
  assertMetadata(candidate.metadata, `${path}.metadata`);
  const dataJson = JSON.stringify(candidate.data);
  const metadataJson = JSON.stringify(candidate.metadata);
  const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (bytes > limits.maxEventBytes) {
    throw invalid(
      EventStoreErrorCode.PayloadTooLarge,
      `${path} is ${bytes} bytes serialized; at most ${limits.maxEventBytes} are allowed`,
    );
  }
  return { eventId: candidate.eventId.toLowerCase(), type: candidate.type, schemaVersion, dataJson, metadataJson };
}

function assertMetadata(metadata: unknown, path: string): void {
  if (!isPlainObject(metadata)) {
    throw invalid(EventStoreErrorCode.InvalidEvent, `${path} must be an object with at least occurredAt`);
  }
  const { occurredAt, actor } = metadata;
  if (typeof occurredAt !== 'string' || !isoInstantPattern.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    throw invalid(
      EventStoreErrorCode.InvalidEvent,
      `${path}.occurredAt must be an ISO-8601 instant with a time zone, got ${describe(occurredAt)}`,
    );
  }
  for (const field of ['divisionId', 'correlationId', 'causationId', 'commandId', 'requestFingerprint'] as const) {
    const value = metadata[field];
    if (value !== undefined && typeof value !== 'string') {
      throw invalid(EventStoreErrorCode.InvalidEvent, `${path}.${field} must be a string when present`);
    }
  }
  if (actor !== undefined) {
    const valid =
      isPlainObject(actor) &&
      typeof actor.userId === 'string' &&
      Array.isArray(actor.roles) &&
      actor.roles.every((role) => typeof role === 'string');
    if (!valid) {
      throw invalid(EventStoreErrorCode.InvalidEvent, `${path}.actor must be { userId: string, roles: string[] }`);
    }
  }
  assertJsonValue(metadata, path);
}

/**
 * Accepts only values that survive a JSON round trip unchanged, so what is read back is what was written.
 * Object properties that are undefined are allowed: JSON omits them and readers see them as absent.
 */
export function assertJsonValue(value: unknown, path: string, ancestors: Set<object> = new Set()): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) {
        throw invalid(EventStoreErrorCode.NotSerializable, `${path} is ${String(value)}, which JSON cannot hold`);
      }
      return;
    case 'object':
      if (value === null) return;
      if (ancestors.has(value)) {
        throw invalid(
          EventStoreErrorCode.NotSerializable,
          `${path} refers back to one of its parents, which JSON cannot hold`,
        );
      }
      ancestors.add(value);
      try {
        assertJsonContainer(value, path, ancestors);
      } finally {
        ancestors.delete(value);
      }
      return;
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw invalid(EventStoreErrorCode.NotSerializable, `${path} is a ${typeof value}, which JSON cannot hold`);
  }
}

function assertJsonContainer(value: object, path: string, ancestors: Set<object>): void {
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      if (item === undefined) {
        throw invalid(EventStoreErrorCode.NotSerializable, `${path}[${index}] is undefined, which JSON cannot hold`);
      }
      assertJsonValue(item, `${path}[${index}]`, ancestors);
    });
    return;
  }
  if (!isPlainObject(value)) {
    const kind = (value.constructor as { name?: string } | undefined)?.name ?? 'object';
    throw invalid(
      EventStoreErrorCode.NotSerializable,
      `${path} is a ${kind}; only plain objects, arrays, strings, finite numbers, booleans and null are stored`,
    );
  }
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) assertJsonValue(item, `${path}.${key}`, ancestors);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 60)}...` : value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
