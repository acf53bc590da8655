import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { KafkaTransport, PostgresRelayLock, silentLogger } from '@salesos/messaging';
import { createLeadsApp, openLeadsDatabase } from '../services/leads/src';
import { recordTestDivisions } from '../services/leads/src/testing';
import { createChannelsApp, openChannelsDatabase } from '../services/channels/src';
import { recordTestDealer } from '../services/channels/src/testing';

jest.setTimeout(180_000);

const brokers = [process.env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092'];
const manager = asUser('manager-7', 'division-manager', 'north');
/** Names of this run alone: the topics are the platform's, so the groups and the dealer are unique. */
const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const dealerId = `kafka-dealer-${run}`;

describe('dealers from the channels service to the leads service over Kafka, on PostgreSQL', () => {
  let database: TestDatabase;
  /** The leads service's views in a database of their own, as when the services run apart. */
  let leadsDatabase: TestDatabase;
  let store: PostgresEventStore;
  let leadsViews: DataSource;
  let channelsViews: DataSource;
  let transport: KafkaTransport;
  let leads: INestApplication;
  let channels: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('leads_dealers_kafka');
    leadsDatabase = await createTestDatabase('leads_dealers_views');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    leadsViews = await openLeadsDatabase({ kind: 'postgres', url: leadsDatabase.url });
    channelsViews = await openChannelsDatabase({ kind: 'postgres', url: database.url });
    transport = new KafkaTransport({ brokers, clientId: `dealers-test-${run}` });
    const lock = () => new PostgresRelayLock({ connectionString: database.url });
    leads = await createLeadsApp({
      auth: testAuth.verifier,
      store,
      database: leadsViews,
      viewsLock: lock(),
      logger: silentLogger,
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
      database: channelsViews,
      viewsLock: lock(),
      logger: silentLogger,
      publishing: { transport, lock: lock(), pollIntervalMs: 20 },
    });
    await channels.init();
  });

  afterAll(async () => {
    await channels.close();
    await leads.close();
    await transport.close();
    await leadsViews.destroy();
    await channelsViews.destroy();
    await store.close();
    await database.drop();
    await leadsDatabase.drop();
  });

  const toLeads = () => request(leads.getHttpServer() as Parameters<typeof request>[0]);
  const toChannels = () => request(channels.getHttpServer() as Parameters<typeof request>[0]);
  const openThrough = (dealer: string) =>
    toLeads()
      .post('/opportunities')
      .set(manager)
      .send({
        accountName: `Keller ${run} GmbH`,
        pipelineId: 'dealer-sourced',
        amount: { amount: 48_500, currency: 'EUR' },
        expectedCloseDate: '2026-07-31',
        products: [],
        channel: { kind: 'dealer', dealerId: dealer },
      });

  /** The answer to opening a deal through the dealer, once it is no longer `unlike`. */
  async function answerOnce(unlike: number): Promise<request.Response> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const answer = await openThrough(dealerId);
      if (answer.status !== unlike || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('refuses a dealer until the channels service has published its activation, then records its channel', async () => {
    const unknown = await openThrough(dealerId);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'DEALER_UNKNOWN', errors: [{ field: 'channel.dealerId' }] });

    await recordTestDealer(channels, store, { dealerId, channelId: 'dealers-kafka' });
    const accepted = await answerOnce(400);
    expect(accepted.status).toBe(201);
    const opportunityId = (accepted.body as { opportunityId: string }).opportunityId;
    const [opened] = await store.readStream(`opportunity-${opportunityId}`);
    expect(opened?.data).toMatchObject({ channel: { kind: 'dealer', dealerId, channelId: 'dealers-kafka' } });

    await toChannels()
      .post(`/dealers/${dealerId}/suspension`)
      .set(manager)
      .send({ reason: 'Overdue payments' })
      .expect(200);
    const suspended = await answerOnce(201);
    expect(suspended.status).toBe(409);
    expect(suspended.body).toMatchObject({ code: 'DEALER_SUSPENDED', errors: [{ field: 'channel.dealerId' }] });
    // Each dealer event recorded once, however often Kafka delivered it.
    expect((await store.readStream(`channeldealer-${dealerId}`)).map((event) => event.data)).toEqual([
      expect.objectContaining({ standing: 'active', channelId: 'dealers-kafka' }),
      expect.objectContaining({ standing: 'suspended', channelId: 'dealers-kafka' }),
    ]);
  });
});
