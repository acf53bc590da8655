import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ContractRegistry, type IntegrationEvent, leadsContracts } from '@salesos/contracts';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import {
  type MessageTransport,
  MessagingHealth,
  type PublishedSource,
  Relay,
  type RelayLock,
} from '@salesos/messaging';
import { EVENT_STORE } from './core/leads-service.tokens';
import { mapDealRegistrationEvent } from './deal-registrations';
import { mapLeadEvent } from './leads';
import { mapOpportunityEvent } from './opportunities';

export const LEADS_PUBLISHING = Symbol('LEADS_PUBLISHING');

/** The stream categories the leads service publishes from. */
export const publishedCategories = ['lead', 'opportunity', 'dealregistration'];

/** Everything the leads service publishes for one stored event: the relay's mapping, and a rebuild's. */
export function mapLeadsIntegrationEvents(event: RecordedEvent): IntegrationEvent[] {
  return [...mapLeadEvent(event), ...mapOpportunityEvent(event), ...mapDealRegistrationEvent(event)];
}

/** What the leads service publishes, and from which streams: its relay's source, and a stored history's. */
export const leadsPublishedSource = (): PublishedSource => ({
  categories: publishedCategories,
  map: mapLeadsIntegrationEvents,
  registry: new ContractRegistry(leadsContracts),
});

export interface LeadsPublishing {
  transport: MessageTransport;
  lock: RelayLock;
  pollIntervalMs?: number;
}

/** Publishes the leads service's integration events through the relay, when the service is given a transport. */
export class LeadsPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: Relay | undefined;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LEADS_PUBLISHING) publishing: LeadsPublishing | null,
    @Inject(MessagingHealth) health: MessagingHealth,
  ) {
    this.relay =
      publishing === null
        ? undefined
        : new Relay({
            service: 'leads',
            store,
            ...leadsPublishedSource(),
            transport: publishing.transport,
            lock: publishing.lock,
            ...(publishing.pollIntervalMs === undefined ? {} : { pollIntervalMs: publishing.pollIntervalMs }),
          });
    if (this.relay) health.register({ relay: this.relay });
  }

  /** Starts the relay in the background: it creates its topics and waits for the broker itself, so boot does not. */
  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
