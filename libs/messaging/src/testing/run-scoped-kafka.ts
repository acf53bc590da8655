import type { TopicDefinition } from '@salesos/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaTransport, type KafkaTransportOptions } from '../transport/kafka/kafka-transport';
import type {
  ConsumeOptions,
  RecordBatch,
  TransportConsumer,
  TransportProducer,
} from '../transport/message-transport.port';
import type { TopicHistoryReader } from '../transport/topic-history';

/**
 * The platform's topic and group names are fixed, and a group new to a topic reads it from the beginning: on a shared
 * broker a run would answer the registrations of every earlier run (or of a run beside it). Each run of a benchmark or
 * a test prefixes every topic and consumer group its services use with its own id, and removes them all when it ends.
 */
export class RunScope {
  constructor(readonly runId: string) {}

  get topicPrefix(): string {
    return `salesos.run.${this.runId}.`;
  }

  get groupPrefix(): string {
    return `salesos-run-${this.runId}-`;
  }

  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  group(groupId: string): string {
    return `${this.groupPrefix}${groupId}`;
  }

  /** The platform's name of one of this run's topics, as the services' handlers know it. */
  platformTopic(name: string): string {
    return name.startsWith(this.topicPrefix) ? name.slice(this.topicPrefix.length) : name;
  }
}

/** The Kafka transport of a service started by the bench: the same client, with the run's names on the broker. */
export class RunScopedKafkaTransport extends KafkaTransport {
  constructor(
    options: KafkaTransportOptions,
    private readonly scope: RunScope,
  ) {
    super(options);
  }

  override producer(): TransportProducer {
    const inner = super.producer();
    return {
      connect: () => inner.connect(),
      send: (topic, records) => inner.send(this.scope.topic(topic), records),
      disconnect: () => inner.disconnect(),
    };
  }

  override consumer(groupId: string): TransportConsumer {
    const inner = super.consumer(this.scope.group(groupId));
    const scope = this.scope;
    return {
      start: (options: ConsumeOptions) =>
        inner.start({
          ...options,
          topics: options.topics.map((topic) => scope.topic(topic)),
          eachBatch: (batch, context) => options.eachBatch(platformBatch(scope, batch), context),
        }),
      stop: () => inner.stop(),
      lag: () => inner.lag(),
    };
  }

  override ensureTopics(topics: readonly TopicDefinition[]): Promise<void> {
    return super.ensureTopics(topics.map((topic) => ({ ...topic, name: this.scope.topic(topic.name) })));
  }

  override history(topics: readonly string[]): TopicHistoryReader {
    return super.history(topics.map((topic) => this.scope.topic(topic)));
  }
}

function platformBatch(scope: RunScope, batch: RecordBatch): RecordBatch {
  const topic = scope.platformTopic(batch.topic);
  return { ...batch, topic, records: batch.records.map((record) => ({ ...record, topic })) };
}

/** Deletes the topics and consumer groups of the run, and nothing else on the broker. */
export async function removeRunTopics(
  brokers: readonly string[],
  scope: RunScope,
  report: (line: string) => void = () => undefined,
): Promise<void> {
  const kafka = new Kafka({
    clientId: `salesos-run-${scope.runId}`,
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ours = groups.map((group) => group.groupId).filter((groupId) => groupId.startsWith(scope.groupPrefix));
    if (ours.length > 0) await admin.deleteGroups(ours).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(scope.topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    report(`deleted the run's ${topics.length} topic(s) and ${ours.length} consumer group(s)`);
  } finally {
    await admin.disconnect();
  }
}
