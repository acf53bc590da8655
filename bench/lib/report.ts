import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Throughput } from './load';

export interface Measurements {
  pgAppends1: Throughput;
  pgAppends16: Throughput;
  ceilingAppends1: Throughput;
  ceilingAppends16: Throughput;
  emmettAppends1: Throughput;
  emmettAppends16: Throughput;
  pgBatch100: Throughput;
  sqliteAppends1: Throughput;
  seedEventsPerSecond: number;
  readAll: { events: number; eventsPerSecond: number };
  peakRssMb: number;
}

export interface RunInfo {
  date: string;
  nodeVersion: string;
  postgresVersion: string;
  cpuCount: number;
  seconds: number;
  warmupSeconds: number;
  eventsSeeded: number;
  poolSize: number;
  writers: { single: number; concurrent: number; seed: number };
  eventBytes: { data: number; metadata: number };
}

const targets = { ratio_to_ceiling_16: 0.7, ratio_to_emmett_16: 2.0 } as const;

type TargetName = keyof typeof targets;

export type BenchReport = ReturnType<typeof buildReport>;

export function buildReport(m: Measurements, info: RunInfo) {
  const ratios: Record<TargetName, number> = {
    ratio_to_ceiling_16: m.pgAppends16.eventsPerSecond / m.ceilingAppends16.eventsPerSecond,
    ratio_to_emmett_16: m.pgAppends16.eventsPerSecond / m.emmettAppends16.eventsPerSecond,
  };
  const met = (name: TargetName): boolean => ratios[name] >= targets[name];
  return {
    pg_appends_per_s_1: rate(m.pgAppends1.eventsPerSecond),
    pg_appends_per_s_16: rate(m.pgAppends16.eventsPerSecond),
    ceiling_appends_per_s_1: rate(m.ceilingAppends1.eventsPerSecond),
    ceiling_appends_per_s_16: rate(m.ceilingAppends16.eventsPerSecond),
    emmett_appends_per_s_1: rate(m.emmettAppends1.eventsPerSecond),
    emmett_appends_per_s_16: rate(m.emmettAppends16.eventsPerSecond),
    pg_batch100_events_per_s: rate(m.pgBatch100.eventsPerSecond),
    pg_batch100_label: `${info.writers.concurrent} writers, 100 events per append`,
    sqlite_appends_per_s_1: rate(m.sqliteAppends1.eventsPerSecond),
    read_all_events_per_s: rate(m.readAll.eventsPerSecond),
    read_all_events: m.readAll.events,
    seed_events_per_s: rate(m.seedEventsPerSecond),
    ratio_to_ceiling_16: ratio(ratios.ratio_to_ceiling_16),
    ratio_to_emmett_16: ratio(ratios.ratio_to_emmett_16),
    ratio_to_ceiling_1: ratio(m.pgAppends1.eventsPerSecond / m.ceilingAppends1.eventsPerSecond),
    ratio_to_emmett_1: ratio(m.pgAppends1.eventsPerSecond / m.emmettAppends1.eventsPerSecond),
    peak_rss_mb: Math.round(m.peakRssMb * 10) / 10,
    client_cpu_cores: {
      pg_appends_1: cores(m.pgAppends1),
      pg_appends_16: cores(m.pgAppends16),
      ceiling_appends_1: cores(m.ceilingAppends1),
      ceiling_appends_16: cores(m.ceilingAppends16),
      emmett_appends_1: cores(m.emmettAppends1),
      emmett_appends_16: cores(m.emmettAppends16),
      pg_batch100: cores(m.pgBatch100),
      sqlite_appends_1: cores(m.sqliteAppends1),
    },
    targets: {
      ratio_to_ceiling_16: `>= ${targets.ratio_to_ceiling_16}`,
      ratio_to_emmett_16: `>= ${targets.ratio_to_emmett_16}`,
    },
    targets_met: {
      ratio_to_ceiling_16: met('ratio_to_ceiling_16'),
      ratio_to_emmett_16: met('ratio_to_emmett_16'),
      all: met('ratio_to_ceiling_16') && met('ratio_to_emmett_16'),
    },
    metadata: {
      date: info.date,
      node_version: info.nodeVersion,
      postgres_version: info.postgresVersion,
      cpu_count: info.cpuCount,
      seconds_per_measurement: info.seconds,
      warmup_seconds: info.warmupSeconds,
      events_seeded: info.eventsSeeded,
      pool_size_per_contender: info.poolSize,
      event_bytes: info.eventBytes,
      notes: notes(info),
    },
  };
}

function notes(info: RunInfo): Record<string, string> {
  const { concurrent, seed } = info.writers;
  return {
    writers:
      'Every append measurement uses the same writer: it opens a new stream (expected: no stream) and appends ' +
      'once more to it with the exact expected version, then moves to its next stream; no two writers share a ' +
      'stream. Events alternate LeadCaptured / LeadNoteAdded with identical payloads for every contender.',
    pg: 'PostgresEventStore.append (one round trip to event_store.append), pool of ' + `${info.poolSize} connections.`,
    ceiling:
      'Bare autocommit INSERT of the same row through a plain pg.Pool into bench_ceiling.events ' +
      '(LIKE event_store.events INCLUDING ALL), position from the same transaction-id expression.',
    emmett:
      '@event-driven-io/emmett-postgresql 0.42.0 appendToStream with a bigint expectedStreamVersion, own schema ' +
      '"emmett", its pool given a pg.Pool of the same size.',
    batch100: `PostgresEventStore.append of 100 events per call, ${concurrent} writers; result is events per second.`,
    sqlite: 'SqliteEventStore in a temporary file, WAL with synchronous FULL (the default), one writer.',
    read_all:
      `event_store tables truncated, then ${info.eventsSeeded} events seeded by ${seed} writers in ` +
      'batches of 1000 (a new stream per batch), VACUUM ANALYZE, then readAll({ after, maxCount: 1000 }) paged ' +
      'from position 0 to the end.',
    timing:
      `Each measurement runs ${info.warmupSeconds} s of warm-up then ${info.seconds} s timed with ` +
      'performance.now(); an append counts when it completes inside the timed window. CHECKPOINT before each. ' +
      'client_cpu_cores is the CPU this process used over the window (user + system, in cores): on a small ' +
      'machine the client competes with PostgreSQL for the same cores.',
  };
}

export async function writeReport(path: string, report: BenchReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

export function formatTable(report: BenchReport): string {
  const { metadata: meta, client_cpu_cores: cpu } = report;
  const client = (cores: number): string => `(client ${cores.toFixed(2)} cores)`;
  const rows: [string, string, string][] = [
    ['pg_appends_per_s_1', count(report.pg_appends_per_s_1), `appends/s ${client(cpu.pg_appends_1)}`],
    ['pg_appends_per_s_16', count(report.pg_appends_per_s_16), `appends/s ${client(cpu.pg_appends_16)}`],
    ['ceiling_appends_per_s_1', count(report.ceiling_appends_per_s_1), `appends/s ${client(cpu.ceiling_appends_1)}`],
    ['ceiling_appends_per_s_16', count(report.ceiling_appends_per_s_16), `appends/s ${client(cpu.ceiling_appends_16)}`],
    ['emmett_appends_per_s_1', count(report.emmett_appends_per_s_1), `appends/s ${client(cpu.emmett_appends_1)}`],
    ['emmett_appends_per_s_16', count(report.emmett_appends_per_s_16), `appends/s ${client(cpu.emmett_appends_16)}`],
    [
      'pg_batch100_events_per_s',
      count(report.pg_batch100_events_per_s),
      `events/s ${client(cpu.pg_batch100)}, ${report.pg_batch100_label}`,
    ],
    ['sqlite_appends_per_s_1', count(report.sqlite_appends_per_s_1), `appends/s ${client(cpu.sqlite_appends_1)}`],
    ['read_all_events_per_s', count(report.read_all_events_per_s), `events/s over ${count(report.read_all_events)}`],
    ['seed_events_per_s', count(report.seed_events_per_s), 'events/s (batches of 1000)'],
    ['ratio_to_ceiling_1', report.ratio_to_ceiling_1.toFixed(3), ''],
    ['ratio_to_emmett_1', report.ratio_to_emmett_1.toFixed(3), ''],
    ['ratio_to_ceiling_16', report.ratio_to_ceiling_16.toFixed(3), verdict(report, 'ratio_to_ceiling_16')],
    ['ratio_to_emmett_16', report.ratio_to_emmett_16.toFixed(3), verdict(report, 'ratio_to_emmett_16')],
    ['peak_rss_mb', report.peak_rss_mb.toFixed(1), 'MB'],
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = rows.map(([name, value, unit]) =>
    `  ${name.padEnd(nameWidth)}  ${value.padStart(valueWidth)}  ${unit}`.trimEnd(),
  );
  return [
    'SalesOS event store benchmark',
    `  ${meta.date} | PostgreSQL ${meta.postgres_version} | Node ${meta.node_version} | ${meta.cpu_count} CPUs | ` +
      `${meta.seconds_per_measurement} s per measurement after ${meta.warmup_seconds} s warm-up`,
    '',
    ...lines,
    '',
    `  targets ${report.targets_met.all ? 'all met' : 'NOT all met'}`,
  ].join('\n');
}

function verdict(report: BenchReport, name: TargetName): string {
  return `target ${report.targets[name]}: ${report.targets_met[name] ? 'met' : 'MISSED'}`;
}

function rate(perSecond: number): number {
  return perSecond >= 100 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
}

function cores({ clientCpuCores }: Throughput): number {
  return Math.round(clientCpuCores * 100) / 100;
}

function ratio(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
