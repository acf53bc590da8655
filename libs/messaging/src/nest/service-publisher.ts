import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import type { MessagingHealth } from '../health/messaging-health';
import type { PublishedSource } from '../relay/stored-topic-history';
import { Relay } from '../relay/relay';
import type { RelayLock } from '../relay/relay-lock.port';
import type { MessageTransport } from '../transport/message-transport.port';

/** Where a service publishes: a transport, and the lock that lets one replica's relay publish at a time. */
export interface ServicePublishing {
  transport: MessageTransport;
  lock: RelayLock;
  pollIntervalMs?: number;
}

/**
 * A service's relay as part of its Nest application: publishes what `source` maps from the service's streams when
 * the service is given somewhere to publish, and nothing otherwise; readiness reports the relay.
 */
export class ServicePublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: Relay | undefined;

  constructor(options: {
    service: string;
    store: EventStore;
    source: PublishedSource;
    publishing: ServicePublishing | null | undefined;
    health: MessagingHealth;
  }) {
    const { publishing } = options;
    this.relay =
      publishing === null || publishing === undefined || options.source.categories.length === 0
        ? undefined
        : new Relay({
            service: options.service,
            store: options.store,
            ...options.source,
            transport: publishing.transport,
            lock: publishing.lock,
            ...(publishing.pollIntervalMs === undefined ? {} : { pollIntervalMs: publishing.pollIntervalMs }),
          });
    if (this.relay) options.health.register({ relay: this.relay });
  }

  /** Starts the relay in the background: it creates its topics and waits for the broker itself, so boot does not. */
  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
