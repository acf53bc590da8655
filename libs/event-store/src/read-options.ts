import type { ReadAllOptions, ReadStreamOptions } from './event-store.port';
import { assertValidStreamId } from './append-validation';
import { EventStoreError, EventStoreErrorCode } from './event-store.errors';

export const defaultReadAllMaxCount = 1000;
/** A filtered read examines at most this many events before it answers, so it never scans without bound. */
export const filteredScanWindow = 10_000;

export interface NormalizedReadStream {
  from: number | undefined;
  direction: 'forwards' | 'backwards';
  maxCount: number;
}

export interface NormalizedReadAll {
  after: bigint;
  maxCount: number;
  categories: string[] | undefined;
  eventTypes: string[] | undefined;
}

function invalidRead(message: string): EventStoreError {
  return new EventStoreError(EventStoreErrorCode.InvalidReadOptions, message);
}

function assertCount(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)) {
    throw invalidRead(`${name} must be a positive integer`);
  }
}

export function normalizeReadStream(streamId: string, options: ReadStreamOptions = {}): NormalizedReadStream {
  assertValidStreamId(streamId);
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw invalidRead(`direction must be 'forwards' or 'backwards'`);
  }
  if (options.from !== undefined && (!Number.isSafeInteger(options.from) || options.from < 0)) {
    throw invalidRead('from must be a non-negative integer stream version');
  }
  assertCount(options.maxCount, 'maxCount');
  return { from: options.from, direction, maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER };
}

export function normalizeReadAll(options: ReadAllOptions = {}): NormalizedReadAll {
  const after = options.after ?? 0n;
  if (typeof after !== 'bigint' || after < 0n) throw invalidRead('after must be a non-negative bigint position');
  assertCount(options.maxCount, 'maxCount');
  const categories = normalizeNames(options.filter?.categories, 'filter.categories');
  const eventTypes = normalizeNames(options.filter?.eventTypes, 'filter.eventTypes');
  return { after, maxCount: options.maxCount ?? defaultReadAllMaxCount, categories, eventTypes };
}

function normalizeNames(names: readonly string[] | undefined, field: string): string[] | undefined {
  if (names === undefined) return undefined;
  const list: readonly unknown[] = Array.isArray(names) ? names : [];
  if (list !== names || list.some((name) => typeof name !== 'string' || name.length === 0)) {
    throw invalidRead(`${field} must be an array of non-empty strings`);
  }
  return list as string[];
}

export function matchesFilter(
  category: string,
  type: string,
  filter: Pick<NormalizedReadAll, 'categories' | 'eventTypes'>,
): boolean {
  return (
    (filter.categories === undefined || filter.categories.includes(category)) &&
    (filter.eventTypes === undefined || filter.eventTypes.includes(type))
  );
}
