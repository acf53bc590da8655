import { randomUUID } from 'node:crypto';
import { cloudEventSource, type IntegrationEvent, toEventRecord } from '@salesos/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaTransport, testBrokers } from '../../testing/kafka-test-kit';
import { orderContract, orderType } from '../../testing';
import type { KafkaTransport } from './kafka-transport';
import type { HistoryPage, TopicHistoryReader } from '../topic-history';

jest.setTimeout(120_000);

function order(orderId: string, seq: number): IntegrationEvent {
  return {
    id: randomUUID(),
    type: orderType,
    source: cloudEventSource('tests'),
    subject: orderId,
    time: new Date().toISOString(),
    data: { orderId, seq },
  };
}

async function readToEnd(reader: TopicHistoryReader, pageSize: number): Promise<HistoryPage[]> {
  const pages: HistoryPage[] = [];
  for (;;) {
    const page = await reader.next(pageSize);
    pages.push(page);
    if (page.isEnd) return pages;
  }
}

async function groupsOnBroker(): Promise<string[]> {
  const admin = new Kafka({ brokers: testBrokers, clientId: 'history-test', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.listGroups()).groups.map((group) => group.groupId);
  } finally {
    await admin.disconnect();
  }
}

describe('reading topics from their beginning on a real Kafka broker', () => {
  let transport: KafkaTransport;

  beforeEach(() => {
    transport = kafkaTransport('history-test');
  });

  afterEach(async () => {
    await transport.close();
  });

  it('gives every record of the topics once, each key in order, to the end and beyond it as more comes', async () => {
    const [orders, returns] = [orderContract(undefined, 3).topic, orderContract(undefined, 2).topic];
    await transport.ensureTopics([orders, returns]);
    const producer = transport.producer();
    await producer.connect();
    const published: IntegrationEvent[] = [];
    for (let seq = 1; seq <= 60; seq += 1) {
      const batch = Array.from({ length: 40 }, (_, key) => order(`order-${key}`, seq));
      published.push(...batch);
      await producer.send(seq % 2 === 0 ? orders.name : returns.name, batch.map(toEventRecord));
    }
    // A record no consumer can read: skipped, as the live consumer dead-letters it, but counted as gone through.
    await producer.send(orders.name, [{ key: 'junk', value: 'not json', headers: {} }]);

    const reader = transport.history([orders.name, returns.name]);
    expect(await reader.remaining()).toBe(published.length + 1);
    const pages = await readToEnd(reader, 500);
    const events = pages.flatMap((page) => page.events);
    expect(pages.reduce((sum, page) => sum + page.scanned, 0)).toBe(published.length + 1);
    expect(events.map((event) => event.id).sort()).toEqual(published.map((event) => event.id).sort());
    const seqsByTopicAndKey = new Map<string, number[]>();
    for (const event of events) {
      const { orderId, seq } = event.data as { orderId: string; seq: number };
      const key = `${seq % 2}:${orderId}`;
      seqsByTopicAndKey.set(key, [...(seqsByTopicAndKey.get(key) ?? []), seq]);
    }
    for (const seqs of seqsByTopicAndKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await reader.remaining()).toBe(0);

    const later = [order('order-1', 61), order('order-2', 61)];
    await producer.send(orders.name, later.map(toEventRecord));
    const more = await readToEnd(reader, 500);
    // Two keys, so two partitions: their records come in either order.
    expect(
      more
        .flatMap((page) => page.events)
        .map((event) => event.id)
        .sort(),
    ).toEqual(later.map((event) => event.id).sort());
    await producer.disconnect();

    const groupsBefore = await groupsOnBroker();
    expect(groupsBefore.some((group) => group.startsWith('salesos.history.'))).toBe(true);
    await reader.close();
    const groupsAfter = await groupsOnBroker();
    expect(groupsAfter.filter((group) => !groupsBefore.includes(group))).toEqual([]);
    expect(groupsAfter.length).toBeLessThan(groupsBefore.length);
  });

  it('ends at once on empty topics, and reads a topic larger than its buffer page by page', async () => {
    const topic = orderContract(undefined, 1).topic;
    const empty = orderContract(undefined, 1).topic;
    await transport.ensureTopics([topic, empty]);
    const emptyReader = transport.history([empty.name]);
    expect(await emptyReader.next(100)).toEqual({ events: [], scanned: 0, isEnd: true });
    await emptyReader.close();

    const producer = transport.producer();
    await producer.connect();
    for (let seq = 1; seq <= 25; seq += 1) {
      await producer.send(
        topic.name,
        Array.from({ length: 1000 }, (_, key) => toEventRecord(order(`order-${key}`, seq))),
      );
    }
    await producer.disconnect();
    const reader = transport.history([topic.name]);
    const first = await reader.next(1000);
    expect(first.events.length).toBeGreaterThan(0);
    // A slow reader: the consumer fetches ahead up to its buffer, pauses, and resumes as pages are taken.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rest = await readToEnd(reader, 1000);
    expect(first.scanned + rest.reduce((sum, page) => sum + page.scanned, 0)).toBe(25_000);
    expect(new Set([...first.events, ...rest.flatMap((page) => page.events)].map((event) => event.id)).size).toBe(
      25_000,
    );
    await reader.close();
  });

  it('closes, with the transport, a history still being read, and deletes its group', async () => {
    const topic = orderContract(undefined, 1).topic;
    await transport.ensureTopics([topic]);
    const producer = transport.producer();
    await producer.connect();
    await producer.send(topic.name, [toEventRecord(order('order-1', 1))]);
    await producer.disconnect();
    const groupsBefore = await groupsOnBroker();
    const reader = transport.history([topic.name]);
    expect((await reader.next(10)).events).toHaveLength(1);
    const opened = (await groupsOnBroker()).filter((group) => !groupsBefore.includes(group));
    expect(opened).toHaveLength(1);
    await transport.close();
    expect(await groupsOnBroker()).not.toContain(opened[0]);
  });
});
