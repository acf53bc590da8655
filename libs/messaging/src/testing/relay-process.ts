/**
 * A relay in a process of its own, for tests that kill it: `RELAY_MODE=crash-after-send` makes it SIGKILL itself
 * right after the broker acknowledged its first batch and before the checkpoint is stored.
 */
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { MessageTransport } from '../transport/message-transport.port';
import { PostgresRelayLock } from '../relay/postgres-relay-lock';
import { Relay } from '../relay/relay';
import { orderContract, orderMapper, orderRegistry } from './order.fixture';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is required`);
    return value;
  };
  const url = env('RELAY_DATABASE_URL');
  const contract = orderContract(env('RELAY_TOPIC'), Number(env('RELAY_PARTITIONS')));
  const store = await PostgresEventStore.connect({ url, migrate: false, pollIntervalMs: 20 });
  const kafka = new KafkaTransport({ brokers: [env('RELAY_BROKERS')], clientId: 'relay-process' });
  const transport: MessageTransport =
    process.env.RELAY_MODE === 'crash-after-send'
      ? {
          name: kafka.name,
          consumer: (groupId) => kafka.consumer(groupId),
          ensureTopics: (topics) => kafka.ensureTopics(topics),
          history: (topics) => kafka.history(topics),
          close: () => kafka.close(),
          producer: () => {
            const producer = kafka.producer();
            return {
              connect: () => producer.connect(),
              disconnect: () => producer.disconnect(),
              send: async (topic, records) => {
                await producer.send(topic, records);
                process.kill(process.pid, 'SIGKILL');
              },
            };
          },
        }
      : kafka;
  const relay = new Relay({
    service: env('RELAY_SERVICE'),
    store,
    categories: ['order'],
    map: orderMapper,
    registry: orderRegistry(contract),
    transport,
    lock: new PostgresRelayLock({ connectionString: url, retryIntervalMs: 100 }),
    pollIntervalMs: 20,
    batchSize: Number(process.env.RELAY_BATCH_SIZE ?? 500),
  });
  relay.start();
  while (!relay.isPublishing()) await new Promise((resolve) => setTimeout(resolve, 20));
  process.stdout.write('publishing\n');
  await relay.done;
}

main().catch((error: unknown) => {
  process.stderr.write(`relay process failed: ${String(error)}\n`);
  process.exit(1);
});
