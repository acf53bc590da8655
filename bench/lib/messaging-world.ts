import { randomUUID } from 'node:crypto';
import { deadLetterTopic, KafkaTransport, messagingMigrations } from '@salesos/messaging';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { type Admin, Kafka, type KafkaConfig, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { type BenchDatabase, createBenchDatabase } from './bench-database';
import type { MessagingBenchConfig } from './messaging-config';
import { progress } from './progress';

/** Cleanup steps run last-in first-out; one failing step does not keep the others from running. */
export class Teardown {
  private readonly steps: Array<{ label: string; run: () => Promise<unknown> }> = [];

  add(label: string, run: () => Promise<unknown>): void {
    this.steps.push({ label, run });
  }

  async runAll(): Promise<void> {
    for (let step = this.steps.pop(); step !== undefined; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        progress(`cleanup: could not ${step.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/** Everything one run works on: its own database, and topics and groups named after the run. */
export interface MessagingWorld {
  config: MessagingBenchConfig;
  runId: string;
  database: BenchDatabase;
  store: PostgresEventStore;
  /** The consumer's own database connection: inbox and effects table. */
  dataSource: DataSource;
  /** For the bare kafkajs ceilings. */
  kafka: Kafka;
  transport: KafkaTransport;
  kafkaAdmin: Admin;
  /** Creates a topic named after the run with the run's partition count; it is deleted at teardown. */
  createTopic(role: string, partitions?: number): Promise<string>;
  /** A consumer group name for this run; the group (and a runner's dead-letter topic) is deleted at teardown. */
  groupId(role: string, hasDeadLetterTopic?: boolean): string;
}

export const effectsTable = 'bench_effects';

/** Settings shared by every kafkajs client of the run, as KafkaTransport sets them. */
export function kafkaConfig(config: MessagingBenchConfig, clientId: string): KafkaConfig {
  return {
    clientId,
    brokers: config.brokers,
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8 },
  };
}

export async function openWorld(config: MessagingBenchConfig, teardown: Teardown): Promise<MessagingWorld> {
  const runId = randomUUID().replace(/-/g, '').slice(0, 10);
  const kafka = new Kafka(kafkaConfig(config, `bench-messaging-${runId}`));
  const kafkaAdmin = await connectAdmin(kafka, config);
  teardown.add('disconnect the Kafka admin', () => kafkaAdmin.disconnect());
  const database = await createBenchDatabase(config.adminUrl);
  teardown.add(`drop database ${database.name}`, async () => {
    await database.drop();
    progress(`dropped database ${database.name}`);
  });
  progress(`created database ${database.name} (PostgreSQL ${database.serverVersion})`);
  const store = await PostgresEventStore.connect({ url: database.url });
  teardown.add('close the event store', () => store.close());
  const dataSource = await openConsumerDatabase(database.url);
  teardown.add('close the consumer database connection', () => dataSource.destroy());
  const transport = new KafkaTransport({
    brokers: config.brokers,
    clientId: `bench-messaging-${runId}`,
    maxWaitTimeInMs: config.consumerMaxWaitMs,
  });
  teardown.add('close the Kafka transport', () => transport.close());
  const kafkaNames = trackKafkaNames(kafkaAdmin, runId, teardown);
  return {
    config,
    runId,
    database,
    store,
    dataSource,
    kafka,
    transport,
    kafkaAdmin,
    createTopic: (role, partitions = config.partitions) => kafkaNames.createTopic(role, partitions),
    groupId: (role, hasDeadLetterTopic = false) => kafkaNames.groupId(role, hasDeadLetterTopic),
  };
}

async function connectAdmin(kafka: Kafka, config: MessagingBenchConfig): Promise<Admin> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    return admin;
  } catch (error) {
    throw new Error(
      `Kafka is not reachable at ${config.brokers.join(',')} (${(error as Error).message}). Start it with ` +
        '`npm run kafka:start`, or point SALESOS_BENCH_KAFKA_BROKERS at a broker.',
    );
  }
}

async function openConsumerDatabase(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: messagingMigrations, poolSize: 5 });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query(
    `CREATE TABLE ${effectsTable} (id bigserial PRIMARY KEY, event_id text NOT NULL, order_id text NOT NULL, seq int NOT NULL)`,
  );
  return dataSource;
}

/** Topics and groups are shared broker state: every one this run makes is removed again, and nothing else. */
function trackKafkaNames(admin: Admin, runId: string, teardown: Teardown) {
  const topics: string[] = [];
  const groups: string[] = [];
  teardown.add('delete the topics and consumer groups of the run', async () => {
    const existing = new Set(await admin.listTopics());
    const created = topics.filter((topic) => existing.has(topic));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    if (created.length > 0) await admin.deleteTopics({ topics: created, timeout: 30_000 });
    progress(`deleted ${created.length} topic(s) and ${groups.length} consumer group(s)`);
  });
  return {
    createTopic: async (role: string, partitions: number): Promise<string> => {
      const topic = `salesos.bench.${runId}.${role}`;
      topics.push(topic);
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: partitions, replicationFactor: -1, configEntries: [hourOfRetention] }],
      });
      return topic;
    },
    groupId: (role: string, hasDeadLetterTopic: boolean): string => {
      const groupId = `salesos-bench-${runId}-${role}`;
      groups.push(groupId);
      if (hasDeadLetterTopic) topics.push(deadLetterTopic(groupId));
      return groupId;
    },
  };
}

const hourOfRetention = { name: 'retention.ms', value: String(3_600_000) };
