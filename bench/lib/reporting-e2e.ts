/**
 * End-to-end latency from a command the leads service accepts to the figure the reporting service shows, with
 * both services in processes of their own on PostgreSQL and Kafka, at a steady offered rate.
 */
import { randomUUID } from 'node:crypto';
import { type BenchDatabase, createBenchDatabase } from './bench-database';
import { cleanUpOnInterrupt } from './bench-process';
import { type CpuCores, CpuWindow } from './e2e-cpu-window';
import { consumerGroupMembers } from './kafka-group';
import { distribution } from './messaging-timing';
import { formatRate, progress } from './progress';
import { EndToEndRun, type EndToEndSamples, type EndToEndShape } from './reporting-e2e-load';
import { freePort, ServiceProcess } from './service-process';
import { type WriteTransaction, WriteTransactionWatch } from './write-transaction-watch';
import { benchKeyDir } from './bench-auth';
import { projectionsGroup } from '../../services/reporting/src';

export interface EndToEndConfig {
  adminUrl: string;
  kafkaBrokers: string[];
  shape: EndToEndShape;
}

export interface EndToEndResult {
  /** Infinity when captures never showed: they count as slower than any that did. */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Measured captures that showed in the report. */
  commands: number;
  offered: number;
  errors: number;
  errorSamples: string[];
  neverVisible: number;
  unexplained: number;
  targetRatePerSecond: number;
  achievedRatePerSecond: number;
  perSecond: { second: number; p50: number; p99: number }[];
  acknowledgedMs: { p50: number; p99: number };
  pollRoundTripMs: { p50: number; p99: number };
  polls: number;
  scheduleLagP99Ms: number;
  divisions: number;
  probeMs: number;
  backlogAtStart: number;
  lagsAtEnd: { relay: number; consumer: number };
  longestWriteTransaction: WriteTransaction;
  cpuCores: CpuCores;
}

const reportingGroup = projectionsGroup.groupId;

export function endToEndShapeFromEnv(env: NodeJS.ProcessEnv = process.env): EndToEndShape {
  return {
    ratePerSecond: Number(env.BENCH_E2E_RATE ?? 200),
    warmupSeconds: Number(env.BENCH_E2E_WARMUP_SECONDS ?? 10),
    seconds: Number(env.BENCH_E2E_SECONDS ?? 30),
    pollIntervalMs: Number(env.BENCH_E2E_POLL_MS ?? 10),
    leadsPerDivision: 200,
    drainSeconds: 30,
  };
}

export async function measureEndToEnd(config: EndToEndConfig): Promise<EndToEndResult> {
  const members = await consumerGroupMembers(config.kafkaBrokers, reportingGroup);
  if (members > 0) {
    throw new Error(
      `consumer group ${reportingGroup} already has ${members} member(s) on ${config.kafkaBrokers.join(',')}: ` +
        'another reporting service would take part of this run’s events. Stop it first.',
    );
  }
  const databases: BenchDatabase[] = [];
  const services: ServiceProcess[] = [];
  const cleanUp = async (): Promise<void> => {
    await Promise.all(services.map((service) => service.stop()));
    await Promise.all(databases.map((database) => database.drop()));
  };
  const forget = cleanUpOnInterrupt(cleanUp);
  try {
    const events = await createBenchDatabase(config.adminUrl);
    databases.push(events);
    const readModels = await createBenchDatabase(config.adminUrl);
    databases.push(readModels);
    progress(`e2e: databases ${events.name} (events) and ${readModels.name} (read models)`);
    const shared = {
      SALESOS_EVENT_STORE: 'postgres',
      SALESOS_DATABASE_URL: events.url,
      SALESOS_TRANSPORT: 'kafka',
      SALESOS_DATA_DIR: benchKeyDir,
      KAFKA_BROKERS: config.kafkaBrokers.join(','),
    };
    // Open loop: a slow service must see every due capture, not a few sockets' worth.
    const leads = ServiceProcess.spawn('leads', await freePort(), shared, 256);
    services.push(leads);
    await leads.ready();
    const reportingEnv = { ...shared, SALESOS_READ_MODELS_URL: readModels.url };
    // One poll per division not yet shown at a time.
    const reporting = ServiceProcess.spawn('reporting', await freePort(), reportingEnv, 16);
    services.push(reporting);
    await reporting.ready();
    progress(`e2e: leads (pid ${leads.pid}) and reporting (pid ${reporting.pid}) are ready`);
    const backlogAtStart = await drainBacklog(reporting);
    const cpu = new CpuWindow({ leads, reporting }, config.adminUrl, [events.name, readModels.name]);
    const writes = await WriteTransactionWatch.open(config.adminUrl);
    try {
      await writes.waitUntilNoneOlderThan(5, 600_000);
      return await measure(config.shape, { leads, reporting, cpu, writes }, backlogAtStart);
    } finally {
      await writes.close();
    }
  } finally {
    await cleanUp();
    forget();
    progress('e2e: services stopped, databases dropped');
  }
}

/** Events other runs left on the topics would otherwise be projected during the measurement. */
async function drainBacklog(reporting: ServiceProcess): Promise<number> {
  const backlog = await reporting.metric('salesos_consumer_lag');
  if (backlog > 0) progress(`e2e: reporting catches up on ${backlog} event(s) left on the topics`);
  const deadline = performance.now() + 300_000;
  for (let lag = backlog; lag > 0; lag = await reporting.metric('salesos_consumer_lag')) {
    if (performance.now() > deadline) throw new Error(`reporting still ${lag} event(s) behind after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return backlog;
}

interface Watched {
  leads: ServiceProcess;
  reporting: ServiceProcess;
  cpu: CpuWindow;
  writes: WriteTransactionWatch;
}

async function measure(
  shape: EndToEndShape,
  { leads, reporting, cpu, writes }: Watched,
  backlogAtStart: number,
): Promise<EndToEndResult> {
  const run = new EndToEndRun(leads.http, reporting.http, `bench-e2e-${randomUUID().slice(0, 8)}`, shape);
  const probeMs = await run.probe(30_000);
  progress(
    `e2e: probe capture showed after ${Math.round(probeMs)} ms; ${shape.warmupSeconds} s warm-up then ` +
      `${shape.seconds} s at ${formatRate(shape.ratePerSecond)} captures/s, polling every ${shape.pollIntervalMs} ms`,
  );
  writes.start();
  const samples = await run.run({
    windowStarted: () => {
      cpu.start();
      progress('e2e: warm-up done, measuring');
    },
    windowEnded: () => {
      cpu.end();
      progress('e2e: last capture sent, waiting for the rest to show');
    },
    failure: () => leads.failure() ?? reporting.failure(),
  });
  // Where captures that never showed were left: still in the leads store, or on the topic.
  const lagsAtEnd = {
    relay: await leads.metric('salesos_relay_lag'),
    consumer: await reporting.metric('salesos_consumer_lag'),
  };
  const longestWriteTransaction = await writes.stop();
  if (longestWriteTransaction.seconds > 5) {
    progress(`e2e: a write transaction ran ${Math.round(longestWriteTransaction.seconds)} s on the server meanwhile`);
  }
  const cpuCores = await cpu.cores();
  const result = summarize(samples, shape, { probeMs, backlogAtStart, lagsAtEnd, longestWriteTransaction, cpuCores });
  progress(
    `e2e: ${result.commands} captures, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
      `achieved ${formatRate(result.achievedRatePerSecond)}/s, ${result.errors} error(s), ` +
      `${result.neverVisible} never visible`,
  );
  return result;
}

type RunFacts = Pick<
  EndToEndResult,
  'probeMs' | 'backlogAtStart' | 'lagsAtEnd' | 'longestWriteTransaction' | 'cpuCores'
>;

function summarize(samples: EndToEndSamples, shape: EndToEndShape, facts: RunFacts): EndToEndResult {
  const latency = distribution([
    ...samples.visible,
    ...Array.from({ length: samples.neverVisible }, () => Number.POSITIVE_INFINITY),
  ]);
  const acknowledged = distribution(samples.acknowledged);
  const polls = distribution(samples.pollRoundTrips);
  return {
    p50Ms: latency.p50,
    p90Ms: latency.p90,
    p99Ms: latency.p99,
    maxMs: latency.max,
    commands: samples.visible.length,
    offered: samples.offered,
    errors: samples.errors,
    errorSamples: samples.errorSamples,
    neverVisible: samples.neverVisible,
    unexplained: samples.unexplained,
    targetRatePerSecond: shape.ratePerSecond,
    achievedRatePerSecond: samples.achievedRatePerSecond,
    perSecond: samples.visibleBySecond.map((latencies, second) => {
      const { p50, p99 } = distribution(latencies);
      return { second, p50, p99 };
    }),
    acknowledgedMs: { p50: acknowledged.p50, p99: acknowledged.p99 },
    pollRoundTripMs: { p50: polls.p50, p99: polls.p99 },
    polls: samples.polls,
    scheduleLagP99Ms: distribution(samples.scheduleLags).p99,
    divisions: samples.divisions,
    ...facts,
  };
}
