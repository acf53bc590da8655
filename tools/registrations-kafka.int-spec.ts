import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { KafkaTransport, PostgresRelayLock, silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../services/leads/src';
import { recordTestDivisions } from '../services/leads/src/testing';
import { createChannelsApp, openChannelsDatabase } from '../services/channels/src';
import { recordTestDealer } from '../services/channels/src/testing';

jest.setTimeout(180_000);

const brokers = [process.env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092'];
const manager = asUser('manager-7', 'division-manager', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
/** Names of this run alone: the topics are the platform's, so the groups, ids and company are unique. */
const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const company = `Brandt Maschinenbau ${run} AG`;

describe('deal registration between the channels and leads services over Kafka, on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let views: DataSource;
  let transport: KafkaTransport;
  let leads: INestApplication;
  let channels: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('channels_registrations_kafka');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    views = await openChannelsDatabase({ kind: 'postgres', url: database.url });
    transport = new KafkaTransport({ brokers, clientId: `registrations-test-${run}` });
    const lock = () => new PostgresRelayLock({ connectionString: database.url });
    leads = await createLeadsApp({
      auth: testAuth.verifier,
      store,
      logger: silentLogger,
      publishing: { transport, lock: lock(), pollIntervalMs: 20 },
      consuming: {
        transport,
        groupIds: { dealRegistrations: `leads.deal-registrations.test-${run}`, dealers: `leads.dealers.test-${run}` },
      },
    });
    await leads.init();
    await recordTestDivisions(leads);
    channels = await createChannelsApp({
      auth: testAuth.verifier,
      store,
      database: views,
      viewsLock: lock(),
      logger: silentLogger,
      publishing: { transport, lock: lock(), pollIntervalMs: 20 },
      consuming: { transport, groupId: `channels.leads-events.test-${run}` },
    });
    await channels.init();
    await recordTestDealer(channels, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
  });

  afterAll(async () => {
    await channels.close();
    await leads.close();
    await transport.close();
    await views.destroy();
    await store.close();
    await database.drop();
  });

  const toChannels = () => request(channels.getHttpServer() as Parameters<typeof request>[0]);
  const toLeads = () => request(leads.getHttpServer() as Parameters<typeof request>[0]);

  /** The registration as the dealer reads it, once the leads service's answer has come back through Kafka. */
  async function answered(registrationId: string): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const read = await toChannels().get(`/registrations/${registrationId}`).set(dealerUser).expect(200);
      const body = read.body as Record<string, unknown>;
      if (body.status !== 'submitted' || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('accepts a dealer’s first registration of a company, and answers conflict once the company has a lead', async () => {
    const first = `reg-first-${run}`;
    await toChannels()
      .post('/registrations')
      .set(dealerUser)
      .send({ registrationId: first, companyName: company, estimatedValue: { amount: 120_000, currency: 'EUR' } })
      .expect(201);
    const accepted = await answered(first);
    expect(accepted).toMatchObject({
      registrationId: first,
      dealerId: 'dealer-1',
      status: 'accepted',
      answer: { answer: 'accepted', rule: expect.stringMatching(/^first come/) as unknown },
    });
    expect(typeof accepted.lapseDueAt).toBe('string');

    // The company becomes the division's own lead: a later registration of it comes second.
    const lead = await toLeads()
      .post('/leads')
      .set(manager)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: company } })
      .expect(201);
    const leadId = (lead.body as { leadId: string }).leadId;
    const second = `reg-second-${run}`;
    await toChannels()
      .post('/registrations')
      .set(dealerUser)
      .send({ registrationId: second, companyName: company })
      .expect(201);
    expect(await answered(second)).toMatchObject({
      registrationId: second,
      status: 'conflicted',
      answer: { answer: 'conflicted', conflictingLeadIds: [leadId], conflictingOpportunityIds: [] },
    });
    // Each answer recorded once, however often Kafka delivered it.
    expect((await store.readStream(`registration-${first}`)).map((event) => event.type)).toEqual([
      'RegistrationSubmitted',
      'RegistrationAccepted',
    ]);
  });
});
