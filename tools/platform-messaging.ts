import type { PlatformConfig } from '@salesos/config';
import type { EventStore } from '@salesos/event-store';
import {
  InProcessTransport,
  kafkaMessaging,
  type MessageTransport,
  type RelayLock,
  relayLockFor,
  type PublishedSource,
  StoredTopicHistory,
  type TopicHistoryReader,
} from '@salesos/messaging';
import { channelsContracts, ContractRegistry, leadsContracts } from '@salesos/contracts';
import { channelsPublishedSource } from '../services/channels/src';
import { leadsConsumerGroups, leadsPublishedSource } from '../services/leads/src';
import { projectionsGroup } from '../services/reporting/src';

export interface PlatformMessaging {
  transport: MessageTransport;
  /** One relay per service publishes; the lock decides which, across processes when the store is shared. */
  relayLock(): RelayLock;
}

/**
 * In one process, records live in memory: a relay moves its checkpoint only once the consumers in the process have
 * committed what it sent, so a crash loses nothing; the next start publishes it again. The leads service's view of
 * the dealers is one of them: a dealer it never heard of would take no deal.
 */
function awaitedGroups(): Record<string, string[]> {
  const groups: Record<string, string[]> = Object.fromEntries(
    projectionsGroup.topics.map((topic) => [topic, [projectionsGroup.groupId]]),
  );
  const dealers = leadsConsumerGroups.dealers;
  groups[dealers.topic.name] = [...(groups[dealers.topic.name] ?? []), dealers.groupId];
  return groups;
}

/**
 * The platform's topics derived again from the local store with the producers' own mapping: what a rebuild replays
 * in the embedded mode, whose in-process records do not outlive the process.
 */
export function storedTopicHistory(store: EventStore): (topics: readonly string[]) => TopicHistoryReader {
  return (topics) => new StoredTopicHistory(store, publishedSources(), topics);
}

/**
 * What the services reporting reads publish, as one source: the leads' and the channels' streams in the store's
 * order, each mapped by its own producer (each mapper reads only its own categories).
 */
function publishedSources(): PublishedSource {
  const sources = [leadsPublishedSource(), channelsPublishedSource()];
  return {
    categories: sources.flatMap((source) => source.categories),
    map: (event) => sources.flatMap((source) => source.map(event)),
    registry: new ContractRegistry([...leadsContracts, ...channelsContracts]),
  };
}

/**
 * The transport the services exchange integration events over: in one process on the embedded defaults, Kafka
 * when configured. A PostgreSQL store keeps the relay lock beside the events, so replicas elect one publisher. In
 * one process, rebuilds replay the topics from the local store, which must then be given.
 */
export function openPlatformMessaging(config: PlatformConfig, store?: EventStore): PlatformMessaging {
  if (config.transport === 'kafka') return kafkaMessaging(config, 'salesos-platform');
  const transport: MessageTransport = new InProcessTransport({
    awaitCommitsOf: awaitedGroups(),
    ...(store === undefined ? {} : { history: storedTopicHistory(store) }),
  });
  return { transport, relayLock: () => relayLockFor(config) };
}
