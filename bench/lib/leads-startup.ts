/**
 * The leads service's start on a large store: `npm run seed` into an empty PostgreSQL database (events/s), then the
 * service's own process (services/leads/src/main.ts) started on an empty store and on the seeded one, timed from
 * the process's spawn to `/health/ready` answering 200, and its resident memory after 1,000 list queries. Its own
 * databases, made and dropped here. The service's views of a store it never saw fill in the background after it is
 * ready; the list queries wait for them. `BENCH_SEED_EVENTS` (default 1,000,000) sizes the seeded store for trial runs,
 * `BENCH_STARTS` (default 3) how many starts the median is taken over, `BENCH_LIST_QUERIES` (default 1,000) the queries,
 * `BENCH_VIEWS_WAIT_SECONDS` (default 1,800) how long they wait for the views.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchKeyDir, directorOf } from './bench-auth';
import { type BenchDatabase, createBenchDatabase } from './bench-database';
import { cleanUpOnInterrupt } from './bench-process';
import { LoopbackHttp } from './leads-http';
import { sleep } from './messaging-timing';
import { progress } from './progress';
import { freePort } from './service-process';

const root = join(__dirname, '..', '..');

export interface StartupConfig {
  adminUrl: string;
  seedEvents: number;
  starts: number;
  listQueries: number;
  /** How long the list queries wait for the views to hold the seeded history. */
  viewsWaitSeconds: number;
}

export function loadStartupConfig(adminUrl: string, env: NodeJS.ProcessEnv = process.env): StartupConfig {
  return {
    adminUrl,
    seedEvents: positiveInteger(env, 'BENCH_SEED_EVENTS', 1_000_000),
    starts: positiveInteger(env, 'BENCH_STARTS', 3),
    listQueries: positiveInteger(env, 'BENCH_LIST_QUERIES', 1_000),
    viewsWaitSeconds: positiveInteger(env, 'BENCH_VIEWS_WAIT_SECONDS', 1_800),
  };
}

export interface StartupMeasurements {
  seededEvents: number;
  seedSeconds: number;
  seedEventsPerSecond: number;
  /** Median over the starts, and each start. */
  readyMsEmpty: number;
  readyMsEmptyRuns: number[];
  readyMsSeeded: number;
  readyMsSeededRuns: number[];
  /** VmRSS of the service on the seeded store after its start and the list queries; VmHWM its peak. */
  rssMbSeeded: number;
  peakRssMbSeeded: number;
  listQueries: { count: number; errors: number; p50Ms: number; p99Ms: number };
  /** What readiness said when the queries were done. */
  readinessAfterQueries: string;
  /** From readiness to the views holding the whole seeded history (they fill in the background); undefined: not yet. */
  viewsCatchUpMs: number | undefined;
}

/** The leads service alone, as Kubernetes runs it. */
class LeadsProcess {
  readonly http: LoopbackHttp;
  private output = '';
  private exit: string | undefined;
  private readonly exited: Promise<void>;

  constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.http = new LoopbackHttp(port, 8);
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exit = `exited with ${signal ?? code}`;
        resolve();
      }),
    );
  }

  static start(port: number, env: Record<string, string>): LeadsProcess {
    const child = spawn(
      process.execPath,
      ['-r', join(root, 'tools', 'register.cjs'), join(root, 'services', 'leads', 'src', 'main.ts')],
      { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return new LeadsProcess(port, child);
  }

  /** Milliseconds until readiness answers 200, polled every 20 ms. */
  async ready(startedAt: number, timeoutMs = 180_000): Promise<number> {
    for (;;) {
      if (this.exit !== undefined) throw new Error(`leads ${this.exit}: ${this.output}`);
      const answer = await this.http.get('/health/ready', {}).catch(() => undefined);
      if (answer?.status === 200) return performance.now() - startedAt;
      if (performance.now() - startedAt > timeoutMs) throw new Error(`leads not ready after ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  /** Milliseconds until readiness says the views are live: caught up with the store's history. */
  async viewsCaughtUp(timeoutMs: number): Promise<number | undefined> {
    const started = performance.now();
    let reported = started;
    for (;;) {
      const answer = await this.http.get('/health/ready', {});
      const body = JSON.parse(answer.body) as { views?: Array<{ state: string; lag?: number | null }> };
      const views = body.views ?? [];
      if (answer.status === 200 && views.length > 0 && views.every((view) => view.state === 'live')) {
        return performance.now() - started;
      }
      const behind = views.map((view) => `views ${view.state}, lag ${view.lag ?? '?'}`).join('; ');
      if (performance.now() - started > timeoutMs) return undefined;
      if (performance.now() - reported > 30_000) {
        reported = performance.now();
        progress(`startup: readiness ${answer.status}, ${behind || 'no views yet'}`);
      }
      await sleep(1_000);
    }
  }

  memoryMb(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  async stop(): Promise<void> {
    this.http.close();
    if (this.exit !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * The service's environment: PostgreSQL for its store and views, Kafka as transport, but a broker address where
 * none listens, so that the relay stands by instead of publishing a million events to the shared broker's topics
 * (readiness is `degraded`, 200): the figure is the service's own start and memory.
 */
function serviceEnv(database: BenchDatabase): Record<string, string> {
  return {
    SALESOS_EVENT_STORE: 'postgres',
    SALESOS_DATABASE_URL: database.url,
    SALESOS_TRANSPORT: 'kafka',
    KAFKA_BROKERS: '127.0.0.1:9',
    SALESOS_DATA_DIR: benchKeyDir,
  };
}

async function timedStarts(database: BenchDatabase, starts: number, label: string): Promise<number[]> {
  const runs: number[] = [];
  for (let run = 0; run < starts; run += 1) {
    const port = await freePort();
    const startedAt = performance.now();
    const service = LeadsProcess.start(port, serviceEnv(database));
    try {
      runs.push(await service.ready(startedAt));
    } finally {
      await service.stop();
    }
    progress(`startup: ${label} start ${run + 1}/${starts} ready in ${Math.round(runs[runs.length - 1] ?? 0)} ms`);
  }
  return runs;
}

/** `npm run seed` as a user runs it, into the empty database; its own report of events and seconds. */
async function seed(database: BenchDatabase, events: number): Promise<{ events: number; seconds: number }> {
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(root, 'tools', 'seed.ts'), '--events', String(events)],
    {
      cwd: root,
      env: { ...process.env, SALESOS_EVENT_STORE: 'postgres', SALESOS_DATABASE_URL: database.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let lastProgress = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const now = performance.now();
    if (now - lastProgress < 15_000) return;
    lastProgress = now;
    const line = chunk
      .toString()
      .split(/[\r\n]/)
      .filter(Boolean)
      .pop();
    if (line !== undefined) progress(`seed: ${line.trim()}`);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const done = /Seeded ([\d,]+) events .* in ([\d.]+) s/.exec(stdout);
  if (code !== 0 || done === null) throw new Error(`npm run seed failed (${code}): ${stdout}`);
  return { events: Number((done[1] as string).replace(/,/g, '')), seconds: Number(done[2]) };
}

async function countEvents(database: BenchDatabase): Promise<number> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM event_store.events');
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/** Lists as the division's people page through them: leads and deals, by status and owner, several pages deep. */
function listPath(index: number): string {
  const status = ['new', 'qualified', 'nurturing', 'disqualified', 'converted'][index % 5] as string;
  const rep = `rep-machines-${String((index % 40) + 1).padStart(2, '0')}`;
  const page = (index % 10) + 1;
  switch (index % 4) {
    case 0:
      return `/leads?page=${page}&pageSize=50`;
    case 1:
      return `/leads?status=${status}&ownerRepId=${rep}&pageSize=50`;
    case 2:
      return `/opportunities?page=${page}&pageSize=50`;
    default:
      return `/opportunities?ownerRepId=${rep}&status=open&pageSize=50`;
  }
}

async function listQueries(
  service: LeadsProcess,
  count: number,
): Promise<StartupMeasurements['listQueries'] & { readiness: string }> {
  const headers = directorOf('machines');
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const client = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) {
      const started = performance.now();
      const answer = await service.http.get(listPath(index), headers);
      latencies.push(performance.now() - started);
      if (answer.status !== 200) {
        errors += 1;
        if (errors <= 3)
          progress(`startup: ${listPath(index)} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, client));
  latencies.sort((a, b) => a - b);
  const at = (share: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? NaN;
  const readiness = await service.http.get('/health/ready', {});
  const body = JSON.parse(readiness.body) as { status?: string; reasons?: string[] };
  return {
    count,
    errors,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    readiness: `${readiness.status} ${body.status ?? ''}${body.reasons ? `: ${body.reasons.join('; ')}` : ''}`,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Every phase, on databases of its own that it drops at the end (also on Ctrl-C). */
export async function measureLeadsStartup(config: StartupConfig): Promise<StartupMeasurements> {
  const databases: BenchDatabase[] = [];
  const forget = cleanUpOnInterrupt(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });
  try {
    const empty = await createBenchDatabase(config.adminUrl);
    databases.push(empty);
    const readyEmpty = await timedStarts(empty, config.starts, 'empty store');
    const seeded = await createBenchDatabase(config.adminUrl);
    databases.push(seeded);
    progress(`startup: seeding ${config.seedEvents.toLocaleString('en')} events into ${seeded.name}`);
    const seedRun = await seed(seeded, config.seedEvents);
    const stored = await countEvents(seeded);
    progress(`startup: seeded ${stored.toLocaleString('en')} events in ${seedRun.seconds} s`);
    const readySeeded = await timedStarts(seeded, config.starts, `${stored.toLocaleString('en')}-event store`);
    // Once more, for the memory: started, ready, then the list queries.
    const port = await freePort();
    const service = LeadsProcess.start(port, serviceEnv(seeded));
    try {
      await service.ready(performance.now());
      // The views of a store the service never saw fill in the background; the lists are asked of full views.
      const viewsCatchUpMs = await service.viewsCaughtUp(config.viewsWaitSeconds * 1000);
      progress(
        viewsCatchUpMs === undefined
          ? `startup: the views are still catching up ${config.viewsWaitSeconds} s after readiness; querying anyway`
          : `startup: the views caught up with the store ${Math.round(viewsCatchUpMs / 1000)} s after readiness`,
      );
      const { readiness, ...queries } = await listQueries(service, config.listQueries);
      const memory = service.memoryMb();
      progress(
        `startup: ${queries.count} list queries (p50 ${queries.p50Ms.toFixed(1)} ms, p99 ${queries.p99Ms.toFixed(1)} ms, ` +
          `${queries.errors} errors); RSS ${memory.rss.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB; ready: ${readiness}`,
      );
      return {
        seededEvents: stored,
        seedSeconds: seedRun.seconds,
        seedEventsPerSecond: seedRun.events / seedRun.seconds,
        readyMsEmpty: median(readyEmpty),
        readyMsEmptyRuns: readyEmpty,
        readyMsSeeded: median(readySeeded),
        readyMsSeededRuns: readySeeded,
        rssMbSeeded: memory.rss,
        peakRssMbSeeded: memory.peak,
        listQueries: queries,
        readinessAfterQueries: readiness,
        viewsCatchUpMs,
      };
    } finally {
      await service.stop();
    }
  } finally {
    await Promise.all(databases.map((database) => database.drop()));
    forget();
  }
}

export const startupTargets = {
  ready_ms_1m: '<= 1.5 x ready_ms_empty',
  rss_mb_1m: '< 300',
  seed_events_per_s: '>= 10000',
} as const;

const round = (value: number, digits = 0): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The startup keys added to a bench report beside its own: figures at the top level, their targets in `targets` and
 * `targets_met` (whose `all` then covers them too), and the details under `breakdown.startup`.
 */
export function withStartupKeys<
  R extends { targets: Record<string, string>; targets_met: Record<string, boolean>; breakdown?: object },
>(report: R, m: StartupMeasurements): R {
  const met = {
    ready_ms_1m: m.readyMsSeeded <= 1.5 * m.readyMsEmpty,
    rss_mb_1m: m.rssMbSeeded < 300,
    seed_events_per_s: m.seedEventsPerSecond >= 10_000,
  };
  const { all: _all, ...others } = report.targets_met;
  const targetsMet = { ...others, ...met };
  return {
    ...report,
    ready_ms_empty: round(m.readyMsEmpty),
    ready_ms_1m: round(m.readyMsSeeded),
    rss_mb_1m: round(m.rssMbSeeded, 1),
    seed_events_per_s: round(m.seedEventsPerSecond),
    targets: { ...report.targets, ...startupTargets },
    targets_met: { ...targetsMet, all: Object.values(targetsMet).every(Boolean) },
    breakdown: {
      ...report.breakdown,
      startup: {
        seeded_events: m.seededEvents,
        seed_seconds: m.seedSeconds,
        ready_ms_empty_runs: m.readyMsEmptyRuns.map((value) => round(value)),
        ready_ms_1m_runs: m.readyMsSeededRuns.map((value) => round(value)),
        peak_rss_mb_1m: round(m.peakRssMbSeeded, 1),
        list_queries: {
          count: m.listQueries.count,
          errors: m.listQueries.errors,
          p50_ms: round(m.listQueries.p50Ms, 2),
          p99_ms: round(m.listQueries.p99Ms, 2),
        },
        readiness_after_queries: m.readinessAfterQueries,
        views_catch_up_s_after_ready:
          m.viewsCatchUpMs === undefined ? `not within the wait` : round(m.viewsCatchUpMs / 1000, 1),
        service: 'services/leads/src/main.ts on PostgreSQL; Kafka transport with no broker listening (relay stands by)',
      },
    },
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

/** The startup figures as lines of the bench's printed table. */
export function formatStartup(m: StartupMeasurements): string {
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  return [
    `  startup (${m.seededEvents.toLocaleString('en')} seeded events, median of ${m.readyMsEmptyRuns.length} starts):`,
    `    npm run seed            ${Math.round(m.seedEventsPerSecond).toLocaleString('en')} events/s ` +
      `(${m.seedSeconds} s)  target >= 10,000: ${met(m.seedEventsPerSecond >= 10_000)}`,
    `    ready, empty store      ${Math.round(m.readyMsEmpty)} ms`,
    `    ready, seeded store     ${Math.round(m.readyMsSeeded)} ms  target <= 1.5 x empty: ` +
      met(m.readyMsSeeded <= 1.5 * m.readyMsEmpty),
    `    RSS after ${m.listQueries.count} lists   ${m.rssMbSeeded.toFixed(1)} MB (peak ${m.peakRssMbSeeded.toFixed(1)})  ` +
      `target < 300: ${met(m.rssMbSeeded < 300)}`,
  ].join('\n');
}

/**
 * `BENCH_PARTS=startup npm run bench:leads`: the startup phases alone, their keys written into the results file as
 * the last full run left it.
 */
export async function runStartupOnly(adminUrl: string, resultsPath: string): Promise<void> {
  const measured = await measureLeadsStartup(loadStartupConfig(adminUrl));
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8')) as Parameters<typeof withStartupKeys>[0];
  await writeFile(resultsPath, `${JSON.stringify(withStartupKeys(previous, measured), null, 2)}\n`);
  progress(`wrote the startup keys into ${resultsPath}`);
  process.stdout.write(`${formatStartup(measured)}\n`);
}

/** The startup figures of the last full run, read back from its results file (`BENCH_PARTS=throughput`). */
export function previousStartup(resultsPath: string): StartupMeasurements {
  const previous = JSON.parse(readFileSync(resultsPath, 'utf8')) as {
    ready_ms_empty: number;
    ready_ms_1m: number;
    rss_mb_1m: number;
    seed_events_per_s: number;
    breakdown: {
      startup: {
        seeded_events: number;
        seed_seconds: number;
        ready_ms_empty_runs: number[];
        ready_ms_1m_runs: number[];
        peak_rss_mb_1m: number;
        list_queries: { count: number; errors: number; p50_ms: number; p99_ms: number };
        readiness_after_queries: string;
        views_catch_up_s_after_ready: number | string;
      };
    };
  };
  const startup = previous.breakdown.startup;
  const catchUp = startup.views_catch_up_s_after_ready;
  return {
    seededEvents: startup.seeded_events,
    seedSeconds: startup.seed_seconds,
    seedEventsPerSecond: previous.seed_events_per_s,
    readyMsEmpty: previous.ready_ms_empty,
    readyMsEmptyRuns: startup.ready_ms_empty_runs,
    readyMsSeeded: previous.ready_ms_1m,
    readyMsSeededRuns: startup.ready_ms_1m_runs,
    rssMbSeeded: previous.rss_mb_1m,
    peakRssMbSeeded: startup.peak_rss_mb_1m,
    listQueries: {
      count: startup.list_queries.count,
      errors: startup.list_queries.errors,
      p50Ms: startup.list_queries.p50_ms,
      p99Ms: startup.list_queries.p99_ms,
    },
    readinessAfterQueries: startup.readiness_after_queries,
    viewsCatchUpMs: typeof catchUp === 'number' ? catchUp * 1000 : undefined,
  };
}
