import type { PlatformConfig } from '@salesos/config';
import {
  InProcessRelayLock,
  InProcessTransport,
  KafkaTransport,
  type MessageTransport,
  PostgresRelayLock,
  type RelayLock,
} from '@salesos/messaging';
import { projectionsGroup } from '../services/reporting/src';

export interface PlatformMessaging {
  transport: MessageTransport;
  /** One relay per service publishes; the lock decides which, across processes when the store is shared. */
  relayLock(): RelayLock;
}

/**
 * In one process, records live in memory: a relay moves its checkpoint only once the consumers in the process have
 * committed what it sent, so a crash loses nothing; the next start publishes it again.
 */
function awaitedGroups(): Record<string, string[]> {
  return Object.fromEntries(projectionsGroup.topics.map((topic) => [topic, [projectionsGroup.groupId]]));
}

/**
 * The transport the services exchange integration events over: in one process on the embedded defaults, Kafka
 * when configured. A PostgreSQL store keeps the relay lock beside the events, so replicas elect one publisher.
 */
export function openPlatformMessaging(config: PlatformConfig): PlatformMessaging {
  const transport: MessageTransport =
    config.transport === 'kafka'
      ? new KafkaTransport({ brokers: config.kafkaBrokers, clientId: 'salesos-platform' })
      : new InProcessTransport({ awaitCommitsOf: awaitedGroups() });
  const { eventStore } = config;
  return {
    transport,
    relayLock: () =>
      eventStore.kind === 'postgres'
        ? new PostgresRelayLock({ connectionString: eventStore.url })
        : new InProcessRelayLock(),
  };
}
