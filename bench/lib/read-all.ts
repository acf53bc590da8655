import type { PostgresEventStore } from '@salesos/event-store/postgres';
import { leadEvent } from './events';
import { formatRate, progress, tenthsReporter } from './progress';

const seedBatchSize = 1000;
const readPageSize = 1000;

/** Appends `total` events in batches of 1000, each batch opening a new stream, from `writers` concurrent writers. */
export async function seedEvents(store: PostgresEventStore, total: number, writers: number): Promise<number> {
  const batches = Math.ceil(total / seedBatchSize);
  let claimed = 0;
  let seeded = 0;
  const started = performance.now();
  const report = tenthsReporter(total, (done) =>
    progress(`seeded ${done.toLocaleString('en-US')} events (${formatRate(done / elapsedSeconds(started))} events/s)`),
  );
  const runWriter = async (): Promise<void> => {
    while (claimed < batches) {
      const batch = claimed;
      claimed += 1;
      const streamId = `lead-seed.${batch}`;
      const size = Math.min(seedBatchSize, total - batch * seedBatchSize);
      const events = Array.from({ length: size }, (_, index) => leadEvent(streamId, index + 1));
      await store.append(streamId, events, 'no_stream');
      seeded += size;
      report(seeded);
    }
  };
  await Promise.all(Array.from({ length: writers }, runWriter));
  return total / elapsedSeconds(started);
}

/** Pages through the whole store with `readAll` and returns how many events it saw and how fast. */
export async function readAllEvents(
  store: PostgresEventStore,
  expected: number,
): Promise<{ events: number; eventsPerSecond: number }> {
  const report = tenthsReporter(expected, (done) => progress(`read ${done.toLocaleString('en-US')} events`));
  const started = performance.now();
  let after = 0n;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: readPageSize });
    events += page.events.length;
    after = page.lastScannedPosition;
    report(events);
    if (page.isEnd) break;
  }
  return { events, eventsPerSecond: events / elapsedSeconds(started) };
}

function elapsedSeconds(since: number): number {
  return (performance.now() - since) / 1000;
}
