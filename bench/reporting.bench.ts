/**
 * Reporting benchmark, in three parts chosen with BENCH_PARTS (e.g. `e2e` or `rebuild,queries`; all by default):
 * rebuild: a rebuild of the read models from `BENCH_EVENTS` stored events (default 1,000,000) beside the ceiling of
 * reading the same events from the store alone, in the same run and database server; queries: the p95 of each
 * analytics query over the rebuilt read models, through the HTTP API (needs the rebuild, so it runs it too); e2e:
 * the latency from a lead capture the leads service accepts to the reporting API showing it, with both services in
 * processes of their own on PostgreSQL and Kafka, at BENCH_E2E_RATE captures/s (default 200) for BENCH_E2E_SECONDS
 * (default 30) after BENCH_E2E_WARMUP_SECONDS (default 10). Runs under tools/register.cjs; results go to
 * bench/results/reporting.json, where the parts not run keep their figures from the file's earlier runs.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { silentLogger } from '@salesos/messaging';
import request from 'supertest';
import { publishedCategories } from '../services/leads/src';
import { createReportingApp } from '../services/reporting/src';
import { createProjectionRebuilder, type RebuildProgress } from '../services/reporting/src';
import { openReportingDatabase } from '../services/reporting/src';
import { storedTopicHistory } from '../tools/platform-messaging';
import { createBenchDatabase } from './lib/bench-database';
import { cleanUpOnInterrupt, runBench } from './lib/bench-process';
import { peakRssMb } from './lib/messaging-timing';
import { progress } from './lib/progress';
import { writeCorpus } from './lib/reporting-corpus';
import { endToEndShapeFromEnv, measureEndToEnd } from './lib/reporting-e2e';
import {
  endToEndFigures,
  type PartOutcome,
  partsFromEnv,
  runPart,
  writeReportingResults,
} from './lib/reporting-results';
import { testPostgresAdminUrl } from '@salesos/event-store/testing';
import { benchAuth, directorOf } from './lib/bench-auth';

const resultsPath = join(__dirname, 'results', 'reporting.json');
const director = directorOf('machines');

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
  const parts = partsFromEnv(process.env.BENCH_PARTS);
  const adminUrl = process.env.SALESOS_BENCH_DATABASE_URL ?? testPostgresAdminUrl;
  progress(`parts: ${[...parts].join(', ')}`);
  const outcomes: PartOutcome[] = [];
  if (parts.has('rebuild')) outcomes.push(...(await rebuildAndQuery(adminUrl, parts.has('queries'))));
  if (parts.has('e2e')) {
    const shape = endToEndShapeFromEnv();
    const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
    outcomes.push(
      await runPart('e2e', async () =>
        endToEndFigures(await measureEndToEnd({ adminUrl, kafkaBrokers, shape }), shape),
      ),
    );
  }
  const report = await writeReportingResults(resultsPath, outcomes);
  progress(`wrote ${resultsPath}`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

async function rebuildAndQuery(adminUrl: string, withQueries: boolean): Promise<PartOutcome[]> {
  const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const events = await createBenchDatabase(adminUrl);
  const reports = await createBenchDatabase(adminUrl);
  const forget = cleanUpOnInterrupt(async () => {
    await events.drop();
    await reports.drop();
  });
  progress(`created databases ${events.name} (events) and ${reports.name} (read models)`);
  try {
    const store = await PostgresEventStore.connect({ url: events.url, poolSize: 16 });
    const readModels = await openReportingDatabase({ kind: 'postgres', url: reports.url });
    const outcomes = [await runPart('rebuild', () => measureRebuild(store, readModels, target))];
    if (withQueries) {
      outcomes.push(
        await runPart('queries', async () => {
          const queryP95 = await measureQueries(readModels);
          return { slowest_query_p95_ms: round(Math.max(...Object.values(queryP95))), query_p95_ms: queryP95 };
        }),
      );
    }
    await readModels.destroy();
    await store.close();
    return outcomes;
  } finally {
    await events.drop();
    await reports.drop();
    forget();
  }
}

async function measureRebuild(
  store: PostgresEventStore,
  readModels: Awaited<ReturnType<typeof openReportingDatabase>>,
  target: number,
): Promise<Record<string, number>> {
  const written = await writeCorpus(store, target, 16);
  progress(`corpus: ${written.toLocaleString('en')} events stored`);
  const ceiling = await readCeiling(store);
  progress(
    `read ceiling: ${Math.round(ceiling.eventsPerSecond).toLocaleString('en')} events/s over ${ceiling.events.toLocaleString('en')} events`,
  );
  const rebuilt = await rebuild(readModels, store);
  progress(`rebuild: ${rebuilt.eventsPerSecond.toLocaleString('en')} events/s while building`);
  return {
    rebuild_events_per_s: Math.round(rebuilt.eventsPerSecond),
    read_ceiling_events_per_s: Math.round(ceiling.eventsPerSecond),
    ratio_rebuild: round(rebuilt.eventsPerSecond / ceiling.eventsPerSecond, 3),
    events_stored: written,
    events_rebuilt: rebuilt.eventsDone,
    peak_rss_mb: round(peakRssMb()),
  };
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
  const rebuilder = createProjectionRebuilder({
    dataSource: readModels,
    history: storedTopicHistory(store),
    logger: silentLogger,
    newId: () => 'bench',
  });
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
  const app = await createReportingApp({ dataSource: readModels, logger: silentLogger, auth: benchAuth.verifier });
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
