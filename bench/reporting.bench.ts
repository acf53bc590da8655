/**
 * Reporting benchmark: a rebuild of the read models from `BENCH_EVENTS` stored events (default 1,000,000) beside the
 * ceiling of reading the same events from the store alone, in the same run and database server; then the p95 of each
 * analytics query over the rebuilt read models, through the HTTP API. Runs under tools/register.cjs; results go to
 * bench/results/reporting.json. The end-to-end latency from command to report (on Kafka) is not measured yet.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { silentLogger } from '@salesos/messaging';
import request from 'supertest';
import { publishedCategories } from '../services/leads/src/leads/messaging/leads-publisher';
import { createReportingApp } from '../services/reporting/src/reporting-app';
import { ProjectionRebuilder, type RebuildProgress } from '../services/reporting/src/shared/projection-rebuild';
import { openReportingDatabase } from '../services/reporting/src/shared/reporting-database';
import { platformEventHistory } from '../tools/platform-app';
import { createBenchDatabase } from './lib/bench-database';
import { cleanUpOnInterrupt, runBench } from './lib/bench-process';
import { peakRssMb } from './lib/messaging-timing';
import { progress } from './lib/progress';
import { writeCorpus } from './lib/reporting-corpus';
import { testPostgresAdminUrl } from '@salesos/event-store/testing';

const resultsPath = join(__dirname, 'results', 'reporting.json');
const director = { 'X-Division-Id': 'machines', 'X-User-Id': 'director-1', 'X-User-Roles': 'sales-director' };

/** Every analytics query, with filters a sales director would use. */
const queries: Record<string, string> = {
  pipeline: '/reports/pipeline',
  pipeline_as_of: '/reports/pipeline?asOf=2026-06-01T00:00:00Z',
  pipeline_as_believed: '/reports/pipeline?asOf=2026-06-01T00:00:00Z&basis=believed',
  outcomes_quarter: '/reports/outcomes?from=2026-07-01&to=2026-10-01',
  stages_quarter: '/reports/stages?from=2026-07-01&to=2026-10-01',
  key_customers: '/reports/key-customers?from=2026-01-01&limit=10',
  funnel_by_source: '/reports/funnel?groupBy=source&from=2026-01-01',
  funnel_by_segment: '/reports/funnel?groupBy=segment&from=2026-07-01',
  lead_sources: '/reports/lead-sources',
  deals_drill_down: '/reports/deals?status=open&stageId=proposal&pageSize=50',
};

const warmupCalls = 3;
const timedCalls = Number(process.env.BENCH_QUERY_CALLS ?? 20);

const percentile = (values: number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
};
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const adminUrl = process.env.SALESOS_BENCH_DATABASE_URL ?? testPostgresAdminUrl;
  const [loadAtStart = Number.NaN] = loadavg();
  const events = await createBenchDatabase(adminUrl);
  const reports = await createBenchDatabase(adminUrl);
  const forget = cleanUpOnInterrupt(async () => {
    await events.drop();
    await reports.drop();
  });
  progress(`created databases ${events.name} (events) and ${reports.name} (read models)`);
  try {
    const store = await PostgresEventStore.connect({ url: events.url, poolSize: 16 });
    const written = await writeCorpus(store, target, 16);
    progress(`corpus: ${written.toLocaleString('en')} events stored`);

    const ceiling = await readCeiling(store);
    progress(
      `read ceiling: ${Math.round(ceiling.eventsPerSecond).toLocaleString('en')} events/s over ${ceiling.events.toLocaleString('en')} events`,
    );

    const readModels = await openReportingDatabase({ kind: 'postgres', url: reports.url });
    const rebuilt = await rebuild(readModels, store);
    progress(`rebuild: ${rebuilt.eventsPerSecond.toLocaleString('en')} events/s while building`);

    const queryP95 = await measureQueries(readModels);
    const slowest = Math.max(...Object.values(queryP95));
    await readModels.destroy();
    await store.close();

    const ratio = rebuilt.eventsPerSecond / ceiling.eventsPerSecond;
    const report = {
      rebuild_events_per_s: Math.round(rebuilt.eventsPerSecond),
      read_ceiling_events_per_s: Math.round(ceiling.eventsPerSecond),
      ratio_rebuild: round(ratio, 3),
      slowest_query_p95_ms: round(slowest),
      query_p95_ms: queryP95,
      e2e_p50_ms: null,
      e2e_p99_ms: null,
      events_stored: written,
      events_rebuilt: rebuilt.eventsDone,
      peak_rss_mb: round(peakRssMb()),
      targets: { ratio_rebuild: '>= 0.5', slowest_query_p95_ms: '< 100', e2e_p99_ms: '< 500 (not measured yet)' },
      targets_met: { ratio_rebuild: ratio >= 0.5, slowest_query_p95_ms: slowest < 100 },
      meta: {
        date: new Date().toISOString(),
        node_version: process.version,
        cpu_count: availableParallelism(),
        load_average_1m: { start: round(loadAtStart, 2), end: round(loadavg()[0] ?? Number.NaN, 2) },
        notes:
          'Events: the demo company seeded through the leads commands, copied with fresh lead and opportunity ids up to ' +
          'the target, on PostgreSQL. The read ceiling reads the same categories with readAll in pages of 1,000 and ' +
          "does nothing else. The rebuild reads the same pages, maps them with the leads service's own mapping and " +
          'projects them into new tables beside the live ones (PostgreSQL, the same server); its rate is over the ' +
          'building phase. Queries: 3 warm-up calls, then BENCH_QUERY_CALLS (default 20) timed calls each, one at a time, over HTTP, division machines.',
      },
    };
    await writeFile(resultsPath, `${JSON.stringify(report, null, 2)}\n`);
    progress(`wrote ${resultsPath}`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await events.drop();
    await reports.drop();
    forget();
  }
}

async function readCeiling(store: PostgresEventStore): Promise<{ events: number; eventsPerSecond: number }> {
  const started = performance.now();
  let position = 0n;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: 1000, filter: { categories: publishedCategories } });
    events += page.events.length;
    position = page.lastScannedPosition;
    if (page.isEnd) break;
  }
  return { events, eventsPerSecond: events / ((performance.now() - started) / 1000) };
}

async function rebuild(readModels: Awaited<ReturnType<typeof openReportingDatabase>>, store: PostgresEventStore) {
  let building: RebuildProgress | undefined;
  let lastShown = 0;
  const rebuilder = new ProjectionRebuilder(readModels, platformEventHistory(store), silentLogger, () => 'bench');
  const final = await rebuilder.start('all', (step) => {
    if (step.phase === 'building') building = step;
    if (step.eventsDone - lastShown >= 100_000) {
      lastShown = step.eventsDone;
      progress(
        `rebuild: ${step.eventsDone.toLocaleString('en')} of ${(step.eventsTotal ?? 0).toLocaleString('en')}, ${step.eventsPerSecond.toLocaleString('en')} events/s, ${step.secondsLeft ?? '?'} s left`,
      );
    }
  }).done;
  if (final.status !== 'done' || building === undefined)
    throw new Error(`rebuild ${final.status}: ${final.error ?? ''}`);
  return { eventsPerSecond: building.eventsPerSecond, eventsDone: final.eventsDone };
}

async function measureQueries(readModels: Awaited<ReturnType<typeof openReportingDatabase>>) {
  const app = await createReportingApp({ dataSource: readModels, logger: silentLogger });
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const p95: Record<string, number> = {};
  try {
    for (const [name, path] of Object.entries(queries)) {
      const times: number[] = [];
      for (let call = 0; call < warmupCalls + timedCalls; call += 1) {
        const started = performance.now();
        const response = await request(base).get(path).set(director);
        if (response.status !== 200) throw new Error(`${name}: ${response.status} ${response.text}`);
        if (call >= warmupCalls) times.push(performance.now() - started);
      }
      p95[name] = round(percentile(times, 0.95));
      progress(`query ${name}: p95 ${p95[name]} ms`);
    }
  } finally {
    await app.close();
  }
  return p95;
}

runBench('reporting', main);
