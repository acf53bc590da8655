import type { PlatformConfig } from '@salesos/config';
import { PostgresRelayLock } from './relay/postgres-relay-lock';
import { InProcessRelayLock, type RelayLock } from './relay/relay-lock.port';
import { KafkaTransport } from './transport/kafka/kafka-transport';

export interface ServiceMessaging {
  transport: KafkaTransport;
  /** One relay per service publishes; on a PostgreSQL store the lock lives beside the events, so replicas elect one. */
  relayLock(): RelayLock;
}

/** A relay lock for the configured store: beside the events on PostgreSQL, in the process otherwise. */
export function relayLockFor(config: PlatformConfig): RelayLock {
  const { eventStore } = config;
  return eventStore.kind === 'postgres'
    ? new PostgresRelayLock({ connectionString: eventStore.url })
    : new InProcessRelayLock();
}

/** A service in a process of its own reaches the others through Kafka, as configured. */
export function kafkaMessaging(config: PlatformConfig, clientId: string): ServiceMessaging {
  return {
    transport: new KafkaTransport({ brokers: config.kafkaBrokers, clientId }),
    relayLock: () => relayLockFor(config),
  };
}
