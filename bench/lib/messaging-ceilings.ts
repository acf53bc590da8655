/**
 * The ceilings: bare kafkajs with the settings KafkaTransport uses, doing nothing the broker does not require.
 */
import type { EventRecord } from '@salesos/contracts';
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { progress, tenthsReporter } from './progress';
import { type PhaseClock, startClock, Stopwatch, waitFor } from './messaging-timing';

export interface PhaseRate {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  clientCpuCores: number;
  /** Of `seconds`: connecting (and, for consumers, joining the group) before the first record. */
  startupMs: number;
}

export interface ProduceCeiling extends PhaseRate {
  sends: number;
  sendMs: number;
}

export interface ConsumeCeiling extends PhaseRate {
  batches: number;
}

export function phaseRate(events: number, clock: PhaseClock, startupMs: number): PhaseRate {
  const { seconds, clientCpuCores } = clock.stop();
  return { events, seconds, eventsPerSecond: events / seconds, clientCpuCores, startupMs };
}

/** The idempotent producer the transport makes: one request in flight, every send acknowledged by all replicas. */
export function bareProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}

/** Sends `records` in order, `batchSize` per send, one send after the other, as the relay does. */
export async function bareProduce(
  kafka: Kafka,
  topic: string,
  records: readonly EventRecord[],
  batchSize: number,
  label = 'bare produce',
): Promise<ProduceCeiling> {
  const sends = new Stopwatch();
  const report = tenthsReporter(records.length, (done) => progress(`${label}: ${done.toLocaleString('en-US')} sent`));
  const clock = startClock();
  const producer = bareProducer(kafka);
  await producer.connect();
  const startupMs = performance.now() - clock.startedAt;
  try {
    for (let from = 0; from < records.length; from += batchSize) {
      const messages = records.slice(from, from + batchSize);
      await sends.time(() => producer.send({ topic, acks: -1, messages }));
      report(from + messages.length);
    }
    return { ...phaseRate(records.length, clock, startupMs), sends: sends.calls, sendMs: sends.totalMs };
  } finally {
    await producer.disconnect();
  }
}

export interface ConsumeOptions {
  groupId: string;
  total: number;
  maxWaitTimeInMs: number;
  timeoutMs: number;
  label: string;
}

/** Reads `total` records from the beginning in a new group; counts them and commits after each batch. */
export async function bareConsume(kafka: Kafka, topic: string, options: ConsumeOptions): Promise<ConsumeCeiling> {
  let counted = 0;
  let batches = 0;
  const report = tenthsReporter(options.total, (done) =>
    progress(`${options.label}: ${done.toLocaleString('en-US')} consumed`),
  );
  const clock = startClock();
  const consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: 30_000,
    heartbeatInterval: 3000,
    maxWaitTimeInMs: options.maxWaitTimeInMs,
    allowAutoTopicCreation: false,
  });
  try {
    const joined = groupJoined(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        counted += payload.batch.messages.length;
        batches += 1;
        await commitBatch(consumer, payload);
      },
    });
    await joined;
    const startupMs = performance.now() - clock.startedAt;
    await waitFor(() => counted >= options.total, {
      timeoutMs: options.timeoutMs,
      what: `${options.label}: ${options.total} records`,
      onPoll: () => report(counted),
    });
    return { ...phaseRate(counted, clock, startupMs), batches };
  } finally {
    await consumer.disconnect();
  }
}

export function groupJoined(consumer: Consumer): Promise<void> {
  return new Promise((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
      remove();
      resolve();
    });
  });
}

async function commitBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
  const { batch } = payload;
  const last = batch.messages[batch.messages.length - 1];
  if (last === undefined) return;
  payload.resolveOffset(last.offset);
  await consumer.commitOffsets([
    { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
  ]);
}
