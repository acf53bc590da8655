import { randomUUID } from 'node:crypto';
import { dealRegistrationTopic, fromEventRecord, type IntegrationEvent } from '@salesos/contracts';
import { MemoryEventStore } from '@salesos/event-store';
import type { BatchContext, IncomingRecord, TransportConsumer } from '@salesos/messaging';
import { channelsPublishedSource } from '../../services/channels/src';
import { SeedingBus, seedingGroups } from './seeding-bus';

const submittedAt = '2026-09-01T09:00:00.000Z';

/** A dealer's registration as the channels service stores it when submitted. */
async function submitted(store: MemoryEventStore, registrationId: string): Promise<void> {
  await store.append(
    `registration-${registrationId}`,
    [
      {
        eventId: randomUUID(),
        type: 'RegistrationSubmitted',
        data: {
          registrationId,
          divisionId: 'machines',
          dealerId: 'dealer-1',
          companyName: `Company of ${registrationId}`,
          submittedBy: 'dealer-1-user',
          submittedAt,
        },
        metadata: { occurredAt: submittedAt, divisionId: 'machines' },
      },
    ],
    'no_stream',
  );
}

describe("the seed's bus", () => {
  let store: MemoryEventStore;
  let bus: SeedingBus;
  let reader: TransportConsumer | undefined;

  beforeEach(() => {
    store = new MemoryEventStore();
    bus = new SeedingBus(store, 200);
  });

  afterEach(async () => {
    await reader?.stop();
    reader = undefined;
    await bus.close();
  });

  /** The leads service's group on the bus, reading what it is sent. */
  async function leadsGroup(): Promise<IntegrationEvent[]> {
    const read: IntegrationEvent[] = [];
    await bus.transport.ensureTopics([dealRegistrationTopic]);
    reader = bus.transport.consumer(seedingGroups.leads);
    await reader.start({
      topics: [dealRegistrationTopic.name],
      fromBeginning: true,
      // Handled as a service's consumer handles it: the records taken, then committed.
      eachBatch: async (batch: { records: IncomingRecord[] }, context: BatchContext) => {
        for (const record of batch.records) {
          const decoded = fromEventRecord(record);
          if (decoded.ok) read.push(decoded.event);
        }
        const last = batch.records.at(-1);
        if (last !== undefined) await context.commit(String(last.offset));
      },
    });
    return read;
  }

  it('hands a stream to the group that reads its topic, as its producer publishes it, each event once', async () => {
    const read = await leadsGroup();
    await submitted(store, 'reg-1');
    await bus.deliver('registration-reg-1', channelsPublishedSource(), 'the answer to reg-1');
    expect(read.map((event) => [event.type, event.subject, event.time])).toEqual([
      ['salesos.channels.DealRegistrationSubmitted.v1', 'reg-1', submittedAt],
    ]);
    // Delivered once: a second delivery of the stream has nothing new to send.
    await bus.deliver('registration-reg-1', channelsPublishedSource(), 'the answer to reg-1');
    expect(read).toHaveLength(1);
  });

  it('fails, naming what it waited for, when the reading group has not handled it in time', async () => {
    await submitted(store, 'reg-2');
    await expect(
      bus.deliver('registration-reg-2', channelsPublishedSource(), "the leads service's answer to reg-2"),
    ).rejects.toThrow(/^the leads service's answer to reg-2: no answer within 0\.2 s/);
  });

  it('refuses a stored event its producer cannot publish, naming the stream', async () => {
    await store.append(
      'registration-reg-3',
      [
        {
          eventId: randomUUID(),
          type: 'RegistrationSubmitted',
          data: { registrationId: 'reg-3' },
          metadata: { occurredAt: submittedAt },
        },
      ],
      'no_stream',
    );
    await expect(bus.deliver('registration-reg-3', channelsPublishedSource(), 'the answer')).rejects.toThrow(
      /RegistrationSubmitted of registration-reg-3 cannot be published/,
    );
  });
});
