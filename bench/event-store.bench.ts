/**
 * Event store benchmark: the PostgreSQL adapter against a bare-INSERT ceiling and the Emmett peer, plus batch
 * appends, SQLite and read-all, on one fresh database. `BENCH_SECONDS`, `BENCH_WARMUP_SECONDS` and
 * `BENCH_READ_EVENTS` shrink it for development; results go to bench/results/event-store.json.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { SqliteEventStore } from '@salesos/event-store/sqlite';
import { Client } from 'pg';
import { type BenchDatabase, createBenchDatabase } from './lib/bench-database';
import { type BenchConfig, loadConfig } from './lib/config';
import {
  type AppendFn,
  type Contender,
  createCeilingTable,
  openCeiling,
  openEmmett,
  portAppend,
} from './lib/contenders';
import { sampleEventBytes, WriterStreams } from './lib/events';
import { measureThroughput, type Throughput, type WriterStep } from './lib/load';
import { dropDatabaseOnInterrupt, runBench } from './lib/bench-process';
import { progress } from './lib/progress';
import { readAllEvents, seedEvents } from './lib/read-all';
import { buildReport, formatTable, type Measurements, writeReport } from './lib/report';

const resultsPath = join(__dirname, 'results', 'event-store.json');
/** Each writer opens a stream and appends to it once more, as a create command followed by an update would. */
const appendsPerStream = 2;

interface Bench {
  config: BenchConfig;
  database: BenchDatabase;
  store: PostgresEventStore;
  admin: Client;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await createBenchDatabase(config.adminUrl);
  progress(`created database ${database.name} (PostgreSQL ${database.serverVersion})`);
  const forgetInterrupt = dropDatabaseOnInterrupt(database);
  try {
    const measurements = await runMeasurements(config, database);
    const report = buildReport(measurements, {
      date: new Date().toISOString(),
      nodeVersion: process.version,
      postgresVersion: database.serverVersion,
      cpuCount: availableParallelism(),
      seconds: config.seconds,
      warmupSeconds: config.warmupSeconds,
      eventsSeeded: config.readEvents,
      poolSize: config.poolSize,
      writers: config.writers,
      eventBytes: sampleEventBytes(),
    });
    await writeReport(resultsPath, report);
    progress(`wrote ${resultsPath}`);
    process.stdout.write(`${formatTable(report)}\n`);
  } finally {
    await database.drop();
    forgetInterrupt();
    progress(`dropped database ${database.name}`);
  }
}

async function runMeasurements(config: BenchConfig, database: BenchDatabase): Promise<Measurements> {
  const store = await PostgresEventStore.connect({ url: database.url, poolSize: config.poolSize });
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  try {
    await createCeilingTable(admin);
    const bench: Bench = { config, database, store, admin };
    const { single, concurrent } = config.writers;
    const [pgAppends1, ceilingAppends1, emmettAppends1] = await compareSingleAppends(bench, single);
    const [pgAppends16, ceilingAppends16, emmettAppends16] = await compareSingleAppends(bench, concurrent);
    const pgBatch100 = await measure(bench, 'pg_batch100_events_per_s', concurrent, portAppend(store), 100);
    const sqliteAppends1 = await measureSqlite(bench);
    const { seedEventsPerSecond, readAll } = await measureReadAll(bench);
    return {
      pgAppends1,
      pgAppends16,
      ceilingAppends1,
      ceilingAppends16,
      emmettAppends1,
      emmettAppends16,
      pgBatch100,
      sqliteAppends1,
      seedEventsPerSecond,
      readAll,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await admin.end();
    await store.close();
  }
}

/** The adapter, the ceiling and Emmett back to back at one concurrency, so they see the same machine load. */
async function compareSingleAppends(bench: Bench, writers: number): Promise<[Throughput, Throughput, Throughput]> {
  const { url } = bench.database;
  const { poolSize } = bench.config;
  const pg = await measure(bench, `pg_appends_per_s_${writers}`, writers, portAppend(bench.store));
  const ceiling = await withContender(openCeiling(url, poolSize), (append) =>
    measure(bench, `ceiling_appends_per_s_${writers}`, writers, append),
  );
  const emmett = await withContender(openEmmett(url, poolSize), (append) =>
    measure(bench, `emmett_appends_per_s_${writers}`, writers, append),
  );
  return [pg, ceiling, emmett];
}

async function measureSqlite(bench: Bench): Promise<Throughput> {
  const directory = await mkdtemp(join(tmpdir(), 'salesos-bench-'));
  const store = new SqliteEventStore({ filename: join(directory, 'events.db') });
  try {
    return await measure(bench, 'sqlite_appends_per_s_1', bench.config.writers.single, portAppend(store));
  } finally {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}

async function measureReadAll(
  bench: Bench,
): Promise<{ seedEventsPerSecond: number; readAll: Measurements['readAll'] }> {
  const { store, admin, config } = bench;
  // The append measurements left events behind; reading exactly the seeded set keeps the figure comparable.
  await admin.query('TRUNCATE event_store.events');
  progress(`read_all: seeding ${config.readEvents.toLocaleString('en-US')} events`);
  const seedEventsPerSecond = await seedEvents(store, config.readEvents, config.writers.seed);
  // A store in service has been vacuumed; without it the read would also pay for setting hint bits.
  await admin.query('VACUUM (ANALYZE) event_store.events');
  await admin.query('CHECKPOINT');
  progress('read_all: paging through readAll');
  const readAll = await readAllEvents(store, config.readEvents);
  progress(`read_all: ${Math.round(readAll.eventsPerSecond).toLocaleString('en-US')} events/s`);
  if (readAll.events !== config.readEvents) {
    progress(
      `warning: read ${readAll.events} of ${config.readEvents} events; a transaction left open elsewhere on the ` +
        'server holds back the visible horizon',
    );
  }
  return { seedEventsPerSecond, readAll };
}

/** A checkpoint first, so no measurement pays for the dirty pages of the one before it. */
async function measure(
  bench: Bench,
  label: string,
  writers: number,
  append: AppendFn,
  eventsPerAppend = 1,
): Promise<Throughput> {
  await bench.admin.query('CHECKPOINT');
  const shape = { label, writers, seconds: bench.config.seconds, warmupSeconds: bench.config.warmupSeconds };
  const tag = label.replace(/_/g, '');
  return measureThroughput(shape, (writer): WriterStep => {
    const streams = new WriterStreams(`lead-${tag}.w${writer}`, eventsPerAppend, appendsPerStream);
    return async () => {
      const plan = streams.next();
      await append(plan);
      return plan.events.length;
    };
  });
}

async function withContender<T>(
  opening: Contender | Promise<Contender>,
  use: (append: AppendFn) => Promise<T>,
): Promise<T> {
  const contender = await opening;
  try {
    return await use(contender.append);
  } finally {
    await contender.close();
  }
}

runBench('event-store', main);
