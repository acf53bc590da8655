import type { TopicDefinition } from '@salesos/contracts';
import type { TopicHistoryReader } from './topic-history';

export interface OutgoingRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingRecord {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as decimal strings. */
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, Buffer | string | undefined>;
}

export interface RecordBatch {
  topic: string;
  partition: number;
  records: IncomingRecord[];
}

export interface BatchContext {
  /** Marks every record up to and including `offset` as done; the next delivery starts after it. */
  commit(offset: string): Promise<void>;
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or lost the partition: finish the record in hand and return. */
  shouldContinue(): boolean;
}

/** What a consumer learns about its group membership as it happens. */
export type MembershipEvent =
  /** Joined (or joined again after a rebalance) and has its partitions. */
  | { kind: 'joined' }
  /** The group is rebalancing: this member joins again before it fetches more. */
  | { kind: 'rebalancing' }
  /** Stopped on an error and left for dead: it does not restart by itself. */
  | { kind: 'crashed'; error: string };

export interface ConsumeOptions {
  topics: string[];
  /** Where a group with no committed offset starts. */
  fromBeginning: boolean;
  eachBatch(batch: RecordBatch, context: BatchContext): Promise<void>;
  onMembership?(event: MembershipEvent): void;
}

export interface TransportConsumer {
  /**
   * Resolves once the consumer has joined its group and is fetching; rejects if it fails or crashes first. Either way
   * `stop()` releases what it holds.
   */
  start(options: ConsumeOptions): Promise<void>;
  /** Finishes the batch in hand, commits, and leaves the group. */
  stop(): Promise<void>;
  /** Records published but not yet committed by this group, summed over its topics' partitions. */
  lag(): Promise<number>;
}

export interface TransportProducer {
  connect(): Promise<void>;
  /** Resolves once every record is acknowledged by all in-sync replicas; per-key order is kept. */
  send(topic: string, records: readonly OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** Kafka in production, an in-process bus embedded; the same relay and consumer code runs on both. */
export interface MessageTransport {
  readonly name: string;
  producer(): TransportProducer;
  consumer(groupId: string): TransportConsumer;
  /**
   * Creates missing topics with their partition count and retention, and resolves once every one of them has a
   * leader; existing ones are left alone, also when another process created them a moment ago.
   */
  ensureTopics(topics: readonly TopicDefinition[]): Promise<void>;
  /** A fresh reader of the topics from their beginning, as a read model rebuild replays them. */
  history(topics: readonly string[]): TopicHistoryReader;
  close(): Promise<void>;
}

/** Topic that receives the records a consumer group gave up on. */
export function deadLetterTopic(groupId: string): string {
  return `salesos.dlq.${groupId}`;
}

export const deadLetterTopicDefinition = (groupId: string): TopicDefinition => ({
  name: deadLetterTopic(groupId),
  description: `Records the consumer group ${groupId} could not process, with the reason in dlq_* headers.`,
  partitions: 1,
  retentionMs: 30 * 24 * 60 * 60 * 1000,
});
