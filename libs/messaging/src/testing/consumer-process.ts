/**
 * A consumer in a process of its own, for tests that kill it: it joins its group with the transport's defaults (the
 * session timeout a restarted instance waits out), says `consuming` once it is a member, and applies order events
 * until it is killed.
 */
import { DataSource, type EntityManager } from 'typeorm';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { TypeOrmInbox } from '../consumer/typeorm-inbox';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import { effectHandler } from './kafka-test-kit';
import { orderContract, orderRegistry, orderType } from './order.fixture';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is required`);
    return value;
  };
  const contract = orderContract(env('CONSUMER_TOPIC'), Number(env('CONSUMER_PARTITIONS')));
  const dataSource = new DataSource({ type: 'postgres', url: env('CONSUMER_DATABASE_URL'), poolSize: 3 });
  await dataSource.initialize();
  const runner = new ConsumerRunner<EntityManager>({
    groupId: env('CONSUMER_GROUP'),
    topics: [contract.topic.name],
    topicDefinitions: [contract.topic],
    handlers: new Map([[orderType, effectHandler()]]),
    transport: new KafkaTransport({ brokers: [env('CONSUMER_BROKERS')], clientId: 'consumer-process' }),
    inbox: new TypeOrmInbox(dataSource),
    registry: orderRegistry(contract),
  });
  await runner.start();
  process.stdout.write('consuming\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`consumer process failed: ${String(error)}\n`);
  process.exit(1);
});
