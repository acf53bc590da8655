import type { INestApplication } from '@nestjs/common';
import { testAuth } from '@salesos/auth/testing';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase } from '@salesos/event-store/testing';
import { PostgresRelayLock, silentLogger } from '@salesos/messaging';
import { removeRunTopics, RunScope, RunScopedKafkaTransport } from '@salesos/messaging/testing';
import type { DataSource } from 'typeorm';
import { createChannelsApp, openChannelsDatabase } from '../../services/channels/src';
import { createLeadsApp, openLeadsDatabase } from '../../services/leads/src';
import { recordTestDivisions } from '../../services/leads/src/testing';

const brokers = [process.env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092'];

export interface ServicesOnKafka {
  /** The event store both services write to, as in one deployment with one PostgreSQL database for events. */
  store: PostgresEventStore;
  leads: INestApplication;
  channels: INestApplication;
  close(): Promise<void>;
}

/**
 * The channels and leads services apart, on one PostgreSQL event store, each with its views in a database of its own,
 * talking through the test broker on topics and consumer groups of this `run` alone (removed on close), so a run
 * beside it, or an earlier one, never answers its registrations. The test divisions are recorded.
 */
export async function startServicesOnKafka(name: string, run: string): Promise<ServicesOnKafka> {
  const database = await createTestDatabase(name);
  const leadsDatabase = await createTestDatabase(`${name}_leads`);
  const store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
  const leadsViews: DataSource = await openLeadsDatabase({ kind: 'postgres', url: leadsDatabase.url });
  const channelsViews: DataSource = await openChannelsDatabase({ kind: 'postgres', url: database.url });
  const scope = new RunScope(`${name}-${run}`.replace(/[^A-Za-z0-9-]/g, '-'));
  const transport = new RunScopedKafkaTransport({ brokers, clientId: `${name}-${run}` }, scope);
  const lock = () => new PostgresRelayLock({ connectionString: database.url });
  const leads = await createLeadsApp({
    auth: testAuth.verifier,
    store,
    database: leadsViews,
    viewsLock: lock(),
    logger: silentLogger,
    publishing: { transport, lock: lock(), pollIntervalMs: 20 },
    consuming: {
      transport,
      groupIds: { dealRegistrations: `leads.deal-registrations.test-${run}`, dealers: `leads.dealers.test-${run}` },
    },
  });
  await leads.init();
  await recordTestDivisions(leads);
  const channels = await createChannelsApp({
    auth: testAuth.verifier,
    store,
    database: channelsViews,
    viewsLock: lock(),
    logger: silentLogger,
    publishing: { transport, lock: lock(), pollIntervalMs: 20 },
    consuming: { transport, groupId: `channels.leads-events.test-${run}` },
  });
  await channels.init();
  return {
    store,
    leads,
    channels,
    close: async () => {
      await channels.close();
      await leads.close();
      await transport.close();
      await removeRunTopics(brokers, scope);
      await leadsViews.destroy();
      await channelsViews.destroy();
      await store.close();
      await database.drop();
      await leadsDatabase.drop();
    },
  };
}
