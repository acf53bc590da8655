import {
  dealRegistrationDecisionTopic,
  dealRegistrationTopic,
  opportunityTopic,
  toEventRecord,
} from '@salesos/contracts';
import type { EventStore } from '@salesos/event-store';
import {
  InProcessTransport,
  type OutgoingRecord,
  type PublishedSource,
  publicationOf,
  TransportClosedError,
} from '@salesos/messaging';

/** The consumer groups of the seed's services: each delivery waits for the group that reads its topic. */
export const seedingGroups = {
  leads: 'demo-seed.leads.deal-registrations',
  /** Reads nothing during the seed: the leads seed told the leads service of the dealers through the store. */
  leadsDealers: 'demo-seed.leads.dealers',
  channels: 'demo-seed.channels.leads-events',
} as const;

/**
 * The seed's message bus: the in-process transport the services' own consumers read, fed from the store by each
 * producer's own mapping, as its relay feeds the platform's transport. Unlike a relay it keeps no checkpoint in the
 * store, so the platform's relays publish the whole history on the first start: reporting learns all of it, and the
 * consumers take the seed's messages again as the repeats they are (their commands' ids are the messages' ids).
 * A delivery resolves once the consuming service has handled it, or fails after `timeoutMs`.
 */
export class SeedingBus {
  readonly transport: InProcessTransport;
  private readonly delivered = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly timeoutMs: number,
  ) {
    this.transport = new InProcessTransport({
      awaitCommitsOf: {
        [dealRegistrationTopic.name]: [seedingGroups.leads],
        [dealRegistrationDecisionTopic.name]: [seedingGroups.channels],
        [opportunityTopic.name]: [seedingGroups.channels],
      },
      awaitCommitsTimeoutMs: timeoutMs,
    });
  }

  /**
   * Publishes what `source` makes of the stream's events not delivered yet, and waits until the services that read
   * them have handled them; `waitingFor` names what the wait is for, in the error when it ends without an answer.
   */
  async deliver(streamId: string, source: PublishedSource, waitingFor: string): Promise<void> {
    const after = this.delivered.get(streamId) ?? 0;
    const events = await this.store.readStream(streamId, { from: after + 1 });
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const event of events) {
      const publication = publicationOf(event, source.map, source.registry);
      if ('reason' in publication) {
        throw new Error(`${event.type} of ${streamId} cannot be published: ${publication.reason}`);
      }
      for (const { topic, event: published } of publication.events) {
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), toEventRecord(published)]);
      }
    }
    await this.transport.ensureTopics(source.registry.topics);
    const producer = this.transport.producer();
    try {
      for (const [topic, records] of byTopic) await producer.send(topic, records);
    } catch (error) {
      if (!(error instanceof TransportClosedError)) throw error;
      throw new Error(`${waitingFor}: no answer within ${this.timeoutMs / 1000} s (${error.message})`);
    }
    this.delivered.set(streamId, events.at(-1)?.metadata.streamVersion ?? after);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
