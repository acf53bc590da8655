/**
 * Leads service benchmark: commands per second through the HTTP API of the leads service on the PostgreSQL
 * adapter, against the same appends made straight into the store, then latency at half the measured rate, on one
 * fresh database. Runs under tools/register.cjs (SWC with decorator metadata, which Nest's validation needs).
 * `BENCH_SECONDS` and `BENCH_WARMUP_SECONDS` shrink it for development, `BENCH_CPU_PROFILE=<prefix>` profiles the
 * two throughput phases; results go to bench/results/leads.json. Then the startup phases (bench/lib/leads-startup.ts:
 * seeding, the service's start on an empty and on a seeded store, its memory); `BENCH_PARTS=startup` runs them alone,
 * `BENCH_PARTS=throughput` the throughput phases alone (the startup keys kept from the last full run).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { Client, type Pool } from 'pg';
import { createLeadsApp, RecordDivisionHandler } from '../services/leads/src';
import { type BenchDatabase, createBenchDatabase } from './lib/bench-database';
import { profiled } from './lib/cpu-profile';
import { cpuSplit, sampleCpu } from './lib/cpu-split';
import { type LeadsBenchConfig, loadLeadsConfig } from './lib/leads-config';
import { LoadProcess } from './lib/leads-load-process';
import { clientIdentity } from './lib/leads-mix';
import { silentLogger } from '@salesos/messaging';
import {
  buildLeadsReport,
  type ErrorSummary,
  formatLeadsTable,
  type HttpThroughput,
  type LeadsMeasurements,
  type LeadsRunInfo,
  type PhaseObservation,
  type StoreThroughput,
  writeLeadsReport,
} from './lib/leads-report';
import { appendBytes, StoreWriter, streamTemplate, type StreamTemplate } from './lib/leads-store-mix';
import { measureThroughput, type Throughput } from './lib/load';
import { startHttpFloor } from './lib/http-floor';
import { peakRssMb } from './lib/messaging-timing';
import { dropDatabaseOnInterrupt, runBench } from './lib/bench-process';
import { progress } from './lib/progress';
import { benchAuth } from './lib/bench-auth';
import {
  formatStartup,
  loadStartupConfig,
  measureLeadsStartup,
  previousStartup,
  runStartupOnly,
  withStartupKeys,
} from './lib/leads-startup';

const resultsPath = join(__dirname, 'results', 'leads.json');
/** The failures the load generator reported, over all phases. */
class ErrorTotals {
  private readonly byPhase: Record<string, number> = {};
  private readonly samples: string[] = [];

  add(summary: ErrorSummary): void {
    for (const [phase, count] of Object.entries(summary.byPhase))
      this.byPhase[phase] = (this.byPhase[phase] ?? 0) + count;
    this.samples.push(...summary.samples.slice(0, 5 - this.samples.length));
  }

  summary(): ErrorSummary {
    const total = Object.values(this.byPhase).reduce((sum, count) => sum + count, 0);
    return { total, byPhase: { ...this.byPhase }, samples: [...this.samples] };
  }
}

/** The service on a loopback port, and the load generator's process that drives it. */
interface Service {
  app: INestApplication;
  load: LoadProcess;
  appClosed: boolean;
  stopped: boolean;
}

interface Bench {
  config: LeadsBenchConfig;
  store: PostgresEventStore;
  admin: Client;
  pool: PoolCounters;
  errors: ErrorTotals;
}

async function main(): Promise<void> {
  const config = loadLeadsConfig();
  if (process.env.BENCH_PARTS === 'startup') return runStartupOnly(config.adminUrl, resultsPath);
  const [loadAtStart = Number.NaN] = loadavg();
  const database = await createBenchDatabase(config.adminUrl);
  progress(`created database ${database.name} (PostgreSQL ${database.serverVersion})`);
  const forgetInterrupt = dropDatabaseOnInterrupt(database);
  try {
    const { measurements, templates } = await runMeasurements(config, database);
    const startup =
      process.env.BENCH_PARTS === 'throughput'
        ? previousStartup(resultsPath)
        : await measureLeadsStartup(loadStartupConfig(config.adminUrl));
    const info: LeadsRunInfo = {
      date: new Date().toISOString(),
      nodeVersion: process.version,
      postgresVersion: database.serverVersion,
      cpuCount: availableParallelism(),
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? Number.NaN },
      config,
      ...commandSizes(templates),
    };
    const report = withStartupKeys(buildLeadsReport(measurements, info), startup);
    await writeLeadsReport(resultsPath, report);
    progress(`wrote ${resultsPath}`);
    process.stdout.write(`${formatLeadsTable(report, measurements, info)}\n${formatStartup(startup)}\n`);
  } finally {
    await database.drop();
    forgetInterrupt();
    progress(`dropped database ${database.name}`);
  }
}

async function runMeasurements(
  config: LeadsBenchConfig,
  database: BenchDatabase,
): Promise<{ measurements: LeadsMeasurements; templates: StreamTemplate[] }> {
  const store = await PostgresEventStore.connect({ url: database.url, poolSize: config.poolSize });
  const admin = new Client({ connectionString: database.url });
  // An interrupt drops the database with FORCE, which ends this session under it: not worth a crash.
  admin.on('error', (error) => progress(`admin connection: ${error.message}`));
  await admin.connect();
  const bench: Bench = { config, store, admin, pool: countPoolEvents(store.pool), errors: new ErrorTotals() };
  const service = await startService(store, config.clients);
  try {
    const templates = await probe(service, store);
    const http = await observed(bench, () => measureHttp(bench, service));
    const halfRate = await observed(bench, () => measureHalfRate(bench, service, http.result.eventsPerSecond));
    // Closed first, so its views neither compete with the floor nor read the ceiling's events.
    await closeApp(service);
    const floor = await observed(bench, () => measureFloor(bench, service));
    await stopService(service);
    const store16 = await observed(bench, () => measureStore(bench, templates));
    const measurements: LeadsMeasurements = {
      http: http.result,
      floor: floor.result,
      store: store16.result,
      halfRate: halfRate.result,
      errors: bench.errors.summary(),
      phases: { http: http.observed, floor: floor.observed, store: store16.observed, halfRate: halfRate.observed },
      peakRssMb: peakRssMb(),
    };
    return { measurements, templates };
  } finally {
    await stopService(service);
    await admin.end();
    await store.close();
  }
}

async function startService(store: PostgresEventStore, clients: number): Promise<Service> {
  const app = await createLeadsApp({ store, logger: silentLogger, auth: benchAuth.verifier });
  // Initialised first: a recorded division waits for the views to see it, and they start with the application.
  await app.init();
  await recordDivisions(app, clients);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const load = LoadProcess.start(port, clients);
  progress(`leads service listening on 127.0.0.1:${port}; ${clients} clients in load generator process ${load.pid}`);
  return { app, load, appClosed: false, stopped: false };
}

/**
 * Every client acts in a division of its own, which must exist: recorded as an admin would, before any load, for
 * the clients (division-0 to division-<clients - 1>) and the probe's client (division-<clients>).
 */
async function recordDivisions(app: INestApplication, clients: number): Promise<void> {
  const record = app.get(RecordDivisionHandler);
  for (let index = 0; index <= clients; index += 1) {
    const { divisionId, userId } = clientIdentity(index);
    const roster = { name: `Bench division ${index}`, repIds: [userId], teams: [] };
    await record.execute(divisionId, roster, { divisionId, actor: { userId: 'bench-admin', roles: ['admin'] } });
  }
}

async function stopService(service: Service): Promise<void> {
  if (service.stopped) return;
  service.stopped = true;
  service.load.stop();
  await closeApp(service);
  progress('leads service stopped');
}

/**
 * One cycle of the mix by a client of its own, before anything is timed: a mix the service refuses fails the run
 * at once, and the streams it wrote are the templates of the store-only ceiling.
 */
async function probe(service: Service, store: PostgresEventStore): Promise<StreamTemplate[]> {
  const { createdStreamIds } = await service.load.probe();
  const templates = await Promise.all(
    createdStreamIds.map(async (streamId) => streamTemplate(streamId, await store.readStream(streamId))),
  );
  progress(`probe: one cycle answered 2xx; streams ${templates.map(describeTemplate).join(', ')}`);
  return templates;
}

async function measureHttp(bench: Bench, service: Service): Promise<HttpThroughput> {
  const { config } = bench;
  const queriesBefore = bench.pool.queries;
  const { result, errors } = await profiled(profilePath(config, 'http'), () =>
    service.load.closedLoop(config.seconds, config.warmupSeconds),
  );
  bench.errors.add(errors);
  const { succeeded, ...throughput } = result;
  return { ...throughput, queriesPerCommand: (bench.pool.queries - queriesBefore) / succeeded };
}

async function measureHalfRate(bench: Bench, service: Service, maxRate: number) {
  const { config } = bench;
  const { result, errors } = await service.load.openLoop({
    ratePerSecond: maxRate * config.halfRateShare,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  });
  bench.errors.add(errors);
  return result;
}

async function closeApp(service: Service): Promise<void> {
  if (service.appClosed) return;
  service.appClosed = true;
  await service.app.close();
}

/** The same clients against the HTTP floor, an application with the service's conventions and no store behind. */
async function measureFloor(bench: Bench, service: Service): Promise<Throughput> {
  const { config } = bench;
  const floor = await startHttpFloor(benchAuth.verifier);
  try {
    const { result, errors } = await service.load.floorLoop(floor.port, config.seconds, config.warmupSeconds);
    bench.errors.add(errors);
    return result;
  } finally {
    await floor.app.close();
  }
}

async function measureStore(bench: Bench, templates: readonly StreamTemplate[]): Promise<StoreThroughput> {
  const { config, store } = bench;
  const queriesBefore = bench.pool.queries;
  let appends = 0;
  const shape = {
    label: `store_appends_per_s_${config.clients}`,
    writers: config.clients,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  const throughput = await profiled(profilePath(config, 'store'), () =>
    measureThroughput(shape, (writer) => {
      const streams = new StoreWriter(store, templates, clientIdentity(writer));
      return async () => {
        await streams.next();
        appends += 1;
        return 1;
      };
    }),
  );
  return { ...throughput, queriesPerAppend: (bench.pool.queries - queriesBefore) / appends };
}

/** A checkpoint first, so no phase pays for the dirty pages of the one before it. */
async function observed<T>(bench: Bench, phase: () => Promise<T>): Promise<{ result: T; observed: PhaseObservation }> {
  await bench.admin.query('CHECKPOINT');
  const start = await sampleCpu(bench.admin);
  const connectionsBefore = bench.pool.connectionsOpened;
  const result = await phase();
  const cpu = cpuSplit(start, await sampleCpu(bench.admin));
  return { result, observed: { cpu, poolConnectionsOpened: bench.pool.connectionsOpened - connectionsBefore } };
}

function profilePath(config: LeadsBenchConfig, phase: string): string | undefined {
  return config.cpuProfilePrefix === undefined ? undefined : `${config.cpuProfilePrefix}-${phase}.cpuprofile`;
}

interface PoolCounters {
  /** pg's pool checks a client out once per `pool.query`, so its `acquire` events count the store's round trips. */
  queries: number;
  /** New server sessions: each pays for a backend start, and for preparing its statements again. */
  connectionsOpened: number;
}

function countPoolEvents(pool: Pool): PoolCounters {
  const counters = { queries: 0, connectionsOpened: 0 };
  pool.on('acquire', () => (counters.queries += 1));
  pool.on('connect', () => (counters.connectionsOpened += 1));
  return counters;
}

/** Event count and bytes each command kind appends, read off the probe's streams. */
function commandSizes(templates: readonly StreamTemplate[]): Pick<LeadsRunInfo, 'appendBytes' | 'appendEvents'> {
  const opportunity = templates.find((template) => template.category === 'opportunity');
  const lead = templates.find((template) => template.category === 'lead');
  const [openBytes = 0, moveBytes = 0] = opportunity === undefined ? [] : appendBytes(opportunity);
  const [captureBytes = 0] = lead === undefined ? [] : appendBytes(lead);
  const events = (template: StreamTemplate | undefined, index: number): number =>
    template?.appends[index]?.events.length ?? 0;
  return {
    appendBytes: { open_opportunity: openBytes, move_stage: moveBytes, capture_lead: captureBytes },
    appendEvents: {
      open_opportunity: events(opportunity, 0),
      move_stage: events(opportunity, 1),
      capture_lead: events(lead, 0),
    },
  };
}

function describeTemplate(template: StreamTemplate): string {
  const shape = template.appends.map((append) => append.events.map((event) => event.type).join('+')).join(', ');
  return `${template.category} [${shape}]`;
}

runBench('leads', main);
