/**
 * Messaging benchmark: the relay against bare kafkajs producing the same records, the consumer runner against a
 * bare kafkajs consumer of the same topic, and end-to-end latency from append to effect at a steady rate, on a
 * fresh database and fresh topics. `BENCH_MESSAGING_EVENTS` and `BENCH_E2E_SECONDS` shrink it for development;
 * results go to bench/results/messaging.json.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '@salesos/contracts';
import { version as kafkajsVersion } from 'kafkajs/package.json';
import { defaultBroker, kafkaVersion } from '../deploy/kafka/kafka-broker';
import { bareConsume, bareProduce } from './lib/messaging-ceilings';
import { loadMessagingConfig } from './lib/messaging-config';
import { peakRssMb } from './lib/messaging-timing';
import { measureEndToEnd } from './lib/messaging-latency';
import { readOrderRecords, recordBytes, type Seeded, seedOrders } from './lib/messaging-orders';
import {
  buildMessagingReport,
  formatMessagingTable,
  type MessagingMeasurements,
  writeMessagingReport,
} from './lib/messaging-report';
import { measureConsumer, measureRelay } from './lib/messaging-throughput';
import { type MessagingWorld, openWorld, Teardown } from './lib/messaging-world';
import { cleanUpOnInterrupt, runBench } from './lib/bench-process';
import { formatRate, progress } from './lib/progress';

const resultsPath = join(__dirname, 'results', 'messaging.json');

async function main(): Promise<void> {
  const config = loadMessagingConfig();
  // The project's own broker, started when nothing answers on its address; a configured one is used as it is.
  if (config.brokers.join(',') === defaultBroker.bootstrap) await defaultBroker.start();
  const teardown = new Teardown();
  const forgetInterrupt = cleanUpOnInterrupt(() => teardown.runAll());
  try {
    const world = await openWorld(config, teardown);
    const { measurements, sample } = await runPhases(world);
    const report = buildMessagingReport(measurements, {
      date: new Date().toISOString(),
      nodeVersion: process.version,
      postgresVersion: world.database.serverVersion,
      kafkaVersion,
      kafkajsVersion,
      cpuCount: availableParallelism(),
      config,
      recordBytes: recordBytes(sample),
    });
    await writeMessagingReport(resultsPath, report);
    progress(`wrote ${resultsPath}`);
    process.stdout.write(`${formatMessagingTable(report)}\n`);
  } finally {
    await teardown.runAll();
    forgetInterrupt();
  }
}

interface Topics {
  relay: string;
  bareProduce: string;
  e2e: string;
  warmup: string;
}

async function runPhases(world: MessagingWorld): Promise<{ measurements: MessagingMeasurements; sample: EventRecord }> {
  const { seeded, records, topics } = await prepare(world);
  const produce = await compareProducers(world, topics, seeded.lastPosition, records);
  const consume = await compareConsumers(world, topics.relay);
  await settleDatabase(world);
  const e2e = await measureEndToEnd(world, topics.e2e, seeded.lastPosition);
  progress(`e2e: p50 ${e2e.latency.p50.toFixed(1)} ms, p99 ${e2e.latency.p99.toFixed(1)} ms${rssSoFar()}`);
  const measurements: MessagingMeasurements = {
    seedEventsPerSecond: seeded.eventsPerSecond,
    ...produce,
    ...consume,
    e2e,
    peakRssMb: peakRssMb(),
  };
  return { measurements, sample: records[0] as EventRecord };
}

async function prepare(world: MessagingWorld): Promise<{ seeded: Seeded; records: EventRecord[]; topics: Topics }> {
  const { config } = world;
  progress(`seeding ${config.events.toLocaleString('en-US')} events over ${config.aggregates} order streams`);
  const seeded = await seedOrders(world.store, {
    events: config.events,
    aggregates: config.aggregates,
    ...config.seed,
  });
  await settleDatabase(world, 'VACUUM (ANALYZE) event_store.events');
  const records = await readOrderRecords(world.store, config.events);
  progress(`read back ${records.length.toLocaleString('en-US')} records for the ceiling${rssSoFar()}`);
  const topics = await createTopics(world);
  await warmUp(world, topics.warmup, records);
  return { seeded, records, topics };
}

async function compareProducers(
  world: MessagingWorld,
  topics: Topics,
  lastPosition: bigint,
  records: readonly EventRecord[],
): Promise<Pick<MessagingMeasurements, 'relay' | 'bareProduce' | 'topicRecords'>> {
  const { config } = world;
  await settleDatabase(world);
  progress(`relay: publishing ${config.events.toLocaleString('en-US')} events from checkpoint 0`);
  const relay = await measureRelay(world, topics.relay, { events: config.events, lastPosition });
  progress(`relay: ${formatRate(relay.eventsPerSecond)} events/s${rssSoFar()}`);
  const bare = await bareProduce(world.kafka, topics.bareProduce, records, config.produceBatchSize);
  progress(`bare produce: ${formatRate(bare.eventsPerSecond)} events/s${rssSoFar()}`);
  const topicRecords = {
    relay: await recordsOn(world, topics.relay),
    bareProduce: await recordsOn(world, topics.bareProduce),
  };
  warnUnlessEqual(topicRecords, config.events);
  return { relay, bareProduce: bare, topicRecords };
}

async function compareConsumers(
  world: MessagingWorld,
  topic: string,
): Promise<Pick<MessagingMeasurements, 'consumer' | 'bareConsume'>> {
  const { config } = world;
  await settleDatabase(world);
  const consumer = await measureConsumer(world, topic, config.events);
  progress(`consumer: ${formatRate(consumer.eventsPerSecond)} events/s${rssSoFar()}`);
  const bare = await bareConsume(world.kafka, topic, {
    groupId: world.groupId('bare-consume'),
    total: config.events,
    maxWaitTimeInMs: config.consumerMaxWaitMs,
    timeoutMs: config.phaseTimeoutSeconds * 1000,
    label: 'bare consume',
  });
  progress(`bare consume: ${formatRate(bare.eventsPerSecond)} events/s${rssSoFar()}`);
  return { consumer, bareConsume: bare };
}

function rssSoFar(): string {
  return ` (peak RSS so far ${Math.round(peakRssMb())} MB)`;
}

async function createTopics(world: MessagingWorld): Promise<Topics> {
  return {
    relay: await world.createTopic('relay'),
    bareProduce: await world.createTopic('bare-produce'),
    e2e: await world.createTopic('e2e'),
    warmup: await world.createTopic('warmup'),
  };
}

/** kafkajs's producer and fetch paths compiled before any timed phase, so neither side of a ratio pays for it. */
async function warmUp(world: MessagingWorld, topic: string, records: readonly EventRecord[]): Promise<void> {
  const sample = records.slice(0, world.config.warmupRecords);
  progress(`warm-up: ${sample.length} records through a producer and a consumer`);
  await bareProduce(world.kafka, topic, sample, world.config.produceBatchSize, 'warm-up');
  await bareConsume(world.kafka, topic, {
    groupId: world.groupId('warmup'),
    total: sample.length,
    maxWaitTimeInMs: world.config.consumerMaxWaitMs,
    timeoutMs: 60_000,
    label: 'warm-up',
  });
}

/** No phase pays for the dirty pages of the one before it. */
async function settleDatabase(world: MessagingWorld, ...statements: string[]): Promise<void> {
  for (const statement of [...statements, 'CHECKPOINT']) await world.dataSource.query(statement);
}

/** Records on a topic, duplicates included: the sum of its partitions' high watermarks. */
async function recordsOn(world: MessagingWorld, topic: string): Promise<number> {
  const offsets = await world.kafkaAdmin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
}

function warnUnlessEqual(topicRecords: MessagingMeasurements['topicRecords'], events: number): void {
  for (const [role, records] of Object.entries(topicRecords)) {
    if (records !== events) progress(`warning: the ${role} topic holds ${records} records for ${events} events`);
  }
}

runBench('messaging', main);
