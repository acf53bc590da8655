import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../event';

let counter = 0;

/** A category no other test uses, so each test can read "its" part of a shared store. */
export function uniqueCategory(label: string): string {
  counter += 1;
  return `${label}${counter}x${randomUUID().slice(0, 8)}`;
}

export function newEvent<Data = Record<string, unknown>>(
  type: string,
  data: Data,
  eventId: string = randomUUID(),
): NewEvent<string, Data> {
  return {
    eventId,
    type,
    data,
    metadata: {
      occurredAt: '2026-03-01T09:30:00.000Z',
      divisionId: 'division-north',
      actor: { userId: 'user-1', roles: ['rep'] },
      correlationId: 'correlation-1',
      causationId: 'cause-1',
      commandId: 'command-1',
    },
  };
}

export function numberedEvents(count: number, type = 'Numbered', extra: Record<string, unknown> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { n: index + 1, ...extra }));
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function positionsOf(events: readonly RecordedEvent[]): bigint[] {
  return events.map((event) => event.metadata.globalPosition);
}

export function expectStrictlyIncreasing(positions: readonly bigint[]): void {
  for (let index = 1; index < positions.length; index += 1) {
    if ((positions[index] as bigint) <= (positions[index - 1] as bigint)) {
      throw new Error(`Position ${positions[index]} at index ${index} does not follow ${positions[index - 1]}`);
    }
  }
}
