/**
 * What one run of the channels bench works on: a database of its own for each service (events and views), the leads
 * and channels services in processes of their own on them, reaching each other through Kafka on topics and consumer
 * groups named after the run, and the dealers and tier programme the phases act on. Everything is removed at the end,
 * also after a failure or Ctrl-C.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { Client } from 'pg';
import { benchKeyDir } from './bench-auth';
import { type BenchDatabase, createBenchDatabase } from './bench-database';
import { cleanUpOnInterrupt } from './bench-process';
import type { ChannelsBenchConfig } from './channels-config';
import { type DealerClient, dealerClient, setUpDivision } from './channels-setup';
import { Teardown } from './messaging-world';
import { progress } from './progress';
import { removeRunTopics, RunScope } from '@salesos/messaging/testing';
import { freePort, ServiceProcess } from './service-process';

export interface ChannelsWorld {
  runId: string;
  teardown: Teardown;
  channelsDatabase: BenchDatabase;
  leadsDatabase: BenchDatabase;
  channels: ServiceProcess;
  leads: ServiceProcess;
  /** The channels service's store, read by the bench: its registration streams and the tier seed. */
  store: PostgresEventStore;
  /** The leads service's store, read for its answers to registrations. */
  leadsStore: PostgresEventStore;
  /** A session on the channels service's database, for CHECKPOINTs and the view's progress. */
  admin: Client;
  clients: DealerClient[];
  /** Why a service stopped before it was asked to, if one did. */
  failure(): string | undefined;
  /** Makes a database the run drops at its end. */
  database(role: string): Promise<BenchDatabase>;
}

const runScopedService = join(__dirname, 'run-scoped-service.ts');

export async function openChannelsWorld(config: ChannelsBenchConfig): Promise<ChannelsWorld> {
  const runId = randomUUID().replace(/-/g, '').slice(0, 10);
  const scope = new RunScope(runId);
  const teardown = new Teardown();
  const forgetInterrupt = cleanUpOnInterrupt(() => teardown.runAll());
  teardown.add('stop watching for interrupts', () => Promise.resolve(forgetInterrupt()));
  const database = async (role: string): Promise<BenchDatabase> => {
    const made = await createBenchDatabase(config.adminUrl);
    teardown.add(`drop database ${made.name}`, () => made.drop());
    progress(`created database ${made.name} (${role}, PostgreSQL ${made.serverVersion})`);
    return made;
  };
  try {
    const channelsDatabase = await database('channels service');
    const leadsDatabase = await database('leads service');
    teardown.add('delete the run’s topics and consumer groups', () => removeRunTopics(config.brokers, scope, progress));
    const env = (events: BenchDatabase): Record<string, string> => ({
      SALESOS_EVENT_STORE: 'postgres',
      SALESOS_DATABASE_URL: events.url,
      SALESOS_TRANSPORT: 'kafka',
      SALESOS_DATA_DIR: benchKeyDir,
      SALESOS_DEMO_DATA: 'off',
      KAFKA_BROKERS: config.brokers.join(','),
      SALESOS_BENCH_RUN_ID: runId,
    });
    // Open loop: a slow service must see every due submission, not a few sockets' worth.
    const sockets = 256;
    const leads = ServiceProcess.spawn('leads', await freePort(), env(leadsDatabase), sockets, runScopedService);
    teardown.add('stop the leads service', () => leads.stop());
    const channels = ServiceProcess.spawn(
      'channels',
      await freePort(),
      env(channelsDatabase),
      sockets,
      runScopedService,
    );
    teardown.add('stop the channels service', () => channels.stop());
    await Promise.all([leads.ready(), channels.ready()]);
    progress(`leads (pid ${leads.pid}) and channels (pid ${channels.pid}) are ready; topics ${scope.topicPrefix}*`);
    const store = await PostgresEventStore.connect({ url: channelsDatabase.url, poolSize: 4, migrate: false });
    teardown.add('close the channels store', () => store.close());
    const leadsStore = await PostgresEventStore.connect({ url: leadsDatabase.url, poolSize: 2, migrate: false });
    teardown.add('close the leads store', () => leadsStore.close());
    const admin = new Client({ connectionString: channelsDatabase.url });
    // An interrupt drops the database with FORCE, which ends this session under it: not worth a crash.
    admin.on('error', (error) => progress(`admin connection: ${error.message}`));
    await admin.connect();
    teardown.add('close the admin session', () => admin.end());
    const clients = Array.from({ length: config.clients }, (_, index) => dealerClient(index));
    const setUpStarted = performance.now();
    await setUpDivision(channels.http, clients);
    progress(
      `set up ${clients.length} active dealers and the tier programme in ${Math.round(performance.now() - setUpStarted)} ms`,
    );
    return {
      runId,
      teardown,
      channelsDatabase,
      leadsDatabase,
      channels,
      leads,
      store,
      leadsStore,
      admin,
      clients,
      failure: () => channels.failure() ?? leads.failure(),
      database,
    };
  } catch (error) {
    await teardown.runAll();
    throw error;
  }
}
