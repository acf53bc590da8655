import { randomUUID } from 'node:crypto';
import { deterministicUuid } from '@salesos/event-sourcing';
import { type EventStore, MemoryEventStore, type NewEvent, type RecordedEvent } from '@salesos/event-store';
import { seedDemoData } from '../../tools/demo/seed-demo-data';
import { progress } from './progress';

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface TemplateStream {
  category: string;
  aggregateId: string;
  events: RecordedEvent[];
}

/**
 * A year of the demo company, seeded through the leads service's commands into memory, then copied with fresh lead
 * and opportunity ids until the store holds `target` events: realistic event shapes and flows at any size, without
 * paying for a million commands.
 */
export async function writeCorpus(store: EventStore, target: number, writers: number): Promise<number> {
  const template = new MemoryEventStore();
  const seeded = await seedDemoData(template, {
    seed: 42,
    months: 12,
    leadsPerMonth: 70,
    end: new Date('2026-11-27T00:00:00.000Z'),
  });
  const events = (await template.readAll({ maxCount: 10_000_000 })).events;
  progress(`corpus template: ${seeded.events.toLocaleString('en')} events of the demo company`);
  const streams = new Map<string, TemplateStream>();
  for (const event of events) {
    const { streamId } = event.metadata;
    const dash = streamId.indexOf('-');
    const stream = streams.get(streamId) ?? {
      category: streamId.slice(0, dash),
      aggregateId: streamId.slice(dash + 1),
      events: [],
    };
    stream.events.push(event);
    streams.set(streamId, stream);
  }
  const cloned = [...streams.values()].filter(
    (stream) => stream.category === 'lead' || stream.category === 'opportunity',
  );
  const once = [...streams.values()].filter((stream) => !cloned.includes(stream));
  const remapped = new Set(cloned.map((stream) => stream.aggregateId));
  let written = 0;
  for (const stream of once) {
    const appended = await appendStream(store, stream, (id) => id);
    written += appended;
  }
  const copy = (index: number) => (id: string) => (remapped.has(id) ? deterministicUuid(`corpus:${index}:${id}`) : id);
  const queue: Array<{ stream: TemplateStream; index: number }> = [];
  let copies = 0;
  let planned = written;
  while (planned < target) {
    for (const stream of cloned) {
      queue.push({ stream, index: copies });
      planned += stream.events.length;
    }
    copies += 1;
  }
  let next = 0;
  let reported = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let item = queue[next++]; item !== undefined; item = queue[next++]) {
        const appended = await appendStream(store, item.stream, copy(item.index));
        written += appended;
        if (written - reported >= 100_000) {
          reported = written;
          progress(`corpus: ${written.toLocaleString('en')} of ${planned.toLocaleString('en')} events written`);
        }
      }
    }),
  );
  return written;
}

async function appendStream(store: EventStore, stream: TemplateStream, id: (old: string) => string): Promise<number> {
  const events: NewEvent[] = stream.events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    data: JSON.parse(JSON.stringify(event.data).replace(uuidPattern, id)) as unknown,
    metadata: {
      occurredAt: event.metadata.occurredAt,
      ...(event.metadata.divisionId ? { divisionId: event.metadata.divisionId } : {}),
      ...(event.metadata.actor ? { actor: event.metadata.actor } : {}),
    },
  }));
  await store.append(`${stream.category}-${id(stream.aggregateId)}`, events, 'no_stream');
  return events.length;
}
