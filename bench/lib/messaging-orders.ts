import { type EventRecord, toEventRecord } from '@salesos/contracts';
import type { NewEvent } from '@salesos/event-store';
import type { PostgresEventStore } from '@salesos/event-store/postgres';
import { orderMapper, orderPlaced } from '../../libs/messaging/src/testing';
import { formatRate, progress, tenthsReporter } from './progress';

export const orderCategory = 'order';
const readPageSize = 1000;
/** About the size of a note a sales rep types; keeps the record payload from being unrealistically tiny. */
const note = 'Placed through the messaging benchmark; delivery to the north warehouse, invoice monthly.';

export function orderStreamId(label: string, aggregate: number): string {
  return `${orderCategory}-${label}.${aggregate}`;
}

export function benchOrderPlaced(seq: number): NewEvent {
  return orderPlaced(seq, note);
}

export interface SeedPlan {
  events: number;
  aggregates: number;
  eventsPerAppend: number;
  writers: number;
}

export interface Seeded {
  lastPosition: bigint;
  eventsPerSecond: number;
}

/**
 * Appends `events` OrderPlaced events in appends of `eventsPerAppend`, the appends rotating over the aggregates
 * so a relay page holds many keys, as the store of a busy service does.
 */
export async function seedOrders(store: PostgresEventStore, plan: SeedPlan): Promise<Seeded> {
  const appends = Math.ceil(plan.events / plan.eventsPerAppend);
  const nextSeq = new Array<number>(plan.aggregates).fill(1);
  const started = performance.now();
  const rate = (done: number): string => formatRate(done / ((performance.now() - started) / 1000));
  const report = tenthsReporter(plan.events, (done) =>
    progress(`seeded ${done.toLocaleString('en-US')} events (${rate(done)} events/s)`),
  );
  let claimed = 0;
  let seeded = 0;
  let lastPosition = 0n;
  const runWriter = async (): Promise<void> => {
    while (claimed < appends) {
      const append = claimed;
      claimed += 1;
      const aggregate = append % plan.aggregates;
      const size = Math.min(plan.eventsPerAppend, plan.events - append * plan.eventsPerAppend);
      const first = nextSeq[aggregate] ?? 1;
      nextSeq[aggregate] = first + size;
      const events = Array.from({ length: size }, (_, index) => benchOrderPlaced(first + index));
      const result = await store.append(orderStreamId('seed', aggregate), events, 'any');
      if (result.lastPosition > lastPosition) lastPosition = result.lastPosition;
      seeded += size;
      report(seeded);
    }
  };
  await Promise.all(Array.from({ length: plan.writers }, runWriter));
  return { lastPosition, eventsPerSecond: plan.events / ((performance.now() - started) / 1000) };
}

/** The records the relay publishes for the store's order events, built the way it builds them. */
export async function readOrderRecords(store: PostgresEventStore, expected: number): Promise<EventRecord[]> {
  const records: EventRecord[] = [];
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: readPageSize, filter: { categories: [orderCategory] } });
    for (const event of page.events) records.push(...orderMapper(event).map(toEventRecord));
    after = page.lastScannedPosition;
    if (page.isEnd) break;
  }
  if (records.length !== expected) {
    throw new Error(
      `read ${records.length} of ${expected} order events back; a transaction left open elsewhere on the server ` +
        'holds back the visible horizon',
    );
  }
  return records;
}

/** Bytes of one record's parts, for the report. */
export function recordBytes(record: EventRecord): { key: number; value: number; headers: number } {
  const headers = Object.entries(record.headers).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    0,
  );
  return { key: Buffer.byteLength(record.key), value: Buffer.byteLength(record.value), headers };
}
