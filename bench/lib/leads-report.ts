import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CpuSplit } from './cpu-split';
import type { LeadsBenchConfig } from './leads-config';
import type { OpenLoopResult } from './leads-latency';
import { type CommandKind, commandKinds, mixDescription } from './leads-mix';
import type { Throughput } from './load';
import { runFactsMetadata } from './run-facts';
import type { Distribution } from './messaging-timing';

export interface HttpThroughput extends Throughput {
  /** Closed-loop latency of each command kind inside the timed window, from send to answer. */
  byKind: Record<CommandKind, Distribution>;
  /** Queries through the store's pool per successful command, warm-up included. */
  queriesPerCommand: number;
}

export interface StoreThroughput extends Throughput {
  queriesPerAppend: number;
}

export interface ErrorSummary {
  total: number;
  byPhase: Record<string, number>;
  /** The first few failures, status and body. */
  samples: string[];
}

/** Over a whole phase, warm-up included. */
export interface PhaseObservation {
  cpu: CpuSplit;
  poolConnectionsOpened: number;
}

export interface LeadsMeasurements {
  http: HttpThroughput;
  /** The service's HTTP conventions and one route that touches nothing: the most any command can reach here. */
  floor: Throughput;
  store: StoreThroughput;
  halfRate: OpenLoopResult;
  errors: ErrorSummary;
  phases: { http: PhaseObservation; floor: PhaseObservation; store: PhaseObservation; halfRate: PhaseObservation };
  peakRssMb: number;
}

export interface LeadsRunInfo {
  date: string;
  nodeVersion: string;
  postgresVersion: string;
  cpuCount: number;
  /** One-minute load average when the run started and when it ended: other work competes for the same cores. */
  loadAverage: { start: number; end: number };
  config: LeadsBenchConfig;
  /** Bytes of data plus metadata each command appends, as the store receives them. */
  appendBytes: Record<CommandKind, number>;
  appendEvents: Record<CommandKind, number>;
}

const targets = { ratio_http_to_store: 0.5, p99_ms_half_rate: 50, errors: 0 } as const;

export type LeadsReport = ReturnType<typeof buildLeadsReport>;

export function buildLeadsReport(m: LeadsMeasurements, info: LeadsRunInfo) {
  const ratioHttpToStore = m.http.eventsPerSecond / m.store.eventsPerSecond;
  const met = {
    ratio_http_to_store: ratioHttpToStore >= targets.ratio_http_to_store,
    p99_ms_half_rate: m.halfRate.latency.p99 < targets.p99_ms_half_rate,
    errors: m.errors.total === targets.errors,
  };
  const { clients } = info.config;
  return {
    http_commands_per_s_16: rate(m.http.eventsPerSecond),
    store_appends_per_s_16: rate(m.store.eventsPerSecond),
    ratio_http_to_store: ratio(ratioHttpToStore),
    http_floor_per_s_16: rate(m.floor.eventsPerSecond),
    ratio_floor_to_store: ratio(m.floor.eventsPerSecond / m.store.eventsPerSecond),
    p50_ms_half_rate: ms(m.halfRate.latency.p50),
    p99_ms_half_rate: ms(m.halfRate.latency.p99),
    half_rate_target_per_s: rate(m.halfRate.targetRatePerSecond),
    half_rate_achieved_per_s: rate(m.halfRate.achievedRatePerSecond),
    errors: m.errors.total,
    peak_rss_mb: Math.round(m.peakRssMb * 10) / 10,
    targets: {
      ratio_http_to_store: `>= ${targets.ratio_http_to_store}`,
      p99_ms_half_rate: `< ${targets.p99_ms_half_rate}`,
      errors: `== ${targets.errors}`,
    },
    targets_met: { ...met, all: met.ratio_http_to_store && met.p99_ms_half_rate && met.errors },
    breakdown: {
      [`http_${clients}_clients`]: {
        client_cpu_cores: cores(m.http.clientCpuCores),
        ...observation(m.phases.http),
        store_queries_per_command: ratio(m.http.queriesPerCommand),
        latency_ms_by_command: latencies(m.http.byKind),
      },
      [`http_floor_${clients}_clients`]: {
        client_cpu_cores: cores(m.floor.clientCpuCores),
        ...observation(m.phases.floor),
      },
      [`store_${clients}_writers`]: {
        client_cpu_cores: cores(m.store.clientCpuCores),
        ...observation(m.phases.store),
        store_queries_per_append: ratio(m.store.queriesPerAppend),
      },
      half_rate: { ...halfRateBreakdown(m.halfRate), ...observation(m.phases.halfRate) },
    },
    metadata: metadata(m, info),
  };
}

function halfRateBreakdown(r: OpenLoopResult) {
  return {
    offered: r.offered,
    completed: r.completed,
    errors: r.errors,
    client_cpu_cores: cores(r.clientCpuCores),
    latency_ms: summary(r.latency),
    latency_ms_by_command: latencies(r.byKind),
    schedule_lag_ms: summary(r.scheduleLag),
    event_loop: {
      delay_ms: {
        p50: ms(r.eventLoop.delayMs.p50),
        p99: ms(r.eventLoop.delayMs.p99),
        max: ms(r.eventLoop.delayMs.max),
      },
      gc: { pauses: r.eventLoop.gc.pauses, total_ms: ms(r.eventLoop.gc.totalMs), max_ms: ms(r.eventLoop.gc.maxMs) },
    },
    per_second: r.perSecond.map(({ second, count, p50, p99, max }) => ({
      second,
      count,
      p50: ms(p50),
      p99: ms(p99),
      max: ms(max),
    })),
  };
}

function metadata(m: LeadsMeasurements, info: LeadsRunInfo) {
  const { config } = info;
  return {
    ...runFactsMetadata(info),
    seconds_per_measurement: config.seconds,
    warmup_seconds: config.warmupSeconds,
    concurrency: config.clients,
    divisions: config.clients,
    /** The service and its event store client share this process; the load generator runs in a child process. */
    load_generator: 'child process',
    http_client: `node:http, keep-alive Agent, maxSockets ${config.clients}, over 127.0.0.1`,
    pool_size: config.poolSize,
    half_rate_share: config.halfRateShare,
    mix: mixDescription,
    append_bytes_by_command: info.appendBytes,
    append_events_by_command: info.appendEvents,
    errors: { total: m.errors.total, by_phase: m.errors.byPhase, samples: m.errors.samples },
    notes: notes(config),
  };
}

function notes(config: LeadsBenchConfig): Record<string, string> {
  const { clients, poolSize } = config;
  return {
    process:
      'The leads service (createLeadsApp, NestJS on Express, listening on a loopback port) and its PostgresEventStore ' +
      `(pool of ${poolSize}) run in this process, on one event loop; the HTTP clients run in a child process of their ` +
      "own (bench/lib/leads-load-generator.ts), as clients never share the service loop; the store ceiling's " +
      "writers run in this process, as the store's callers do. PostgreSQL runs on the same machine. " +
      'client_cpu_cores is the CPU the process driving the load used over a timed window, in cores (the child for ' +
      'HTTP, this process for the store); cpu_cores_over_phase splits the whole phase, warm-up included: this ' +
      'process, the PostgreSQL processes of this database plus the WAL writer, checkpointer and background writer ' +
      '(/proc), and the rest of the machine, where the load generator counts during the HTTP phases.',
    http:
      `${clients} clients, each a loop of commands over node:http with one keep-alive Agent (maxSockets ` +
      `${clients}), each client acting for its own division (division-<n>, user rep-<n>, role rep). Every 2xx ` +
      'answer counts; anything else, or no answer, is an error. Counted when it completes inside the timed window.',
    store:
      `${clients} writers calling PostgresEventStore.append on the same store, after the service was stopped: ` +
      'the appends the HTTP mix makes (copied from streams the service wrote in this run, with fresh ids), in ' +
      "the same order: a new stream with 'no_stream', then appends at the exact version. A capture appends " +
      'LeadCaptured and LeadScored in one call, as the service does; every other command one event. One per append.',
    http_floor:
      `The same ${clients} clients and tokens, each in a loop of PUT /bench-floor/{id}/stage with If-Match, against ` +
      "an application with the service's HTTP conventions (token check, request-shape guard, validation pipe, " +
      'problem details) whose one route validates the body and answers with an ETag, reading and writing nothing ' +
      '(bench/lib/http-floor.ts). Run after the leads service closed. ratio_floor_to_store is the most ' +
      'ratio_http_to_store could reach on this machine with this HTTP stack if commands cost nothing behind the route.',
    half_rate:
      `Commands offered at ${config.halfRateShare} x http_commands_per_s_16, on a timer, dealt round-robin to the ` +
      `${clients} clients; a client runs its own commands in order. Latency is from the scheduled send time to the ` +
      'answer, so queueing behind a slow command counts. Achieved rate: successful measured commands over the ' +
      'time from the window start to the last answer.',
    phase_order:
      'probe (one cycle, must answer 2xx; its streams become the templates of the store mix), HTTP closed loop, ' +
      'half rate, service stopped, HTTP floor, store-only appends.',
    timing:
      `Each measurement runs ${config.warmupSeconds} s of warm-up, then ${config.seconds} s timed with ` +
      'performance.now(); CHECKPOINT before each. store_queries_per_command counts checkouts of the pool ' +
      "(one per query) during the whole phase, the service's subscription included.",
  };
}

export async function writeLeadsReport(path: string, report: LeadsReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

export function formatLeadsTable(report: LeadsReport, m: LeadsMeasurements, info: LeadsRunInfo): string {
  const { metadata: meta } = report;
  return [
    'SalesOS leads HTTP benchmark',
    `  ${meta.date} | PostgreSQL ${meta.postgres_version} | Node ${meta.node_version} | ${meta.cpu_count} CPUs | ` +
      `${meta.seconds_per_measurement} s per measurement after ${meta.warmup_seconds} s warm-up | load ` +
      `${meta.load_average_1m.start} at start, ${meta.load_average_1m.end} at end`,
    `  ${meta.concurrency} clients over ${meta.divisions} divisions, pool of ${meta.pool_size}; service and store ` +
      'in this process, HTTP load generator in a child process',
    '',
    ...aligned(headlineRows(report, m)),
    '',
    ...commandTable(m, info),
    '',
    stalls(m.halfRate),
    '',
    ...cpuTable(m, info.config.clients),
    '',
    `  targets ${report.targets_met.all ? 'all met' : 'NOT all met'}`,
  ].join('\n');
}

function headlineRows(report: LeadsReport, m: LeadsMeasurements): [string, string, string][] {
  const verdict = (name: keyof typeof targets): string =>
    `target ${report.targets[name]}: ${report.targets_met[name] ? 'met' : 'MISSED'}`;
  return [
    [
      'http_commands_per_s_16',
      count(report.http_commands_per_s_16),
      `commands/s (${m.http.queriesPerCommand.toFixed(2)} store queries/command)`,
    ],
    ['store_appends_per_s_16', count(report.store_appends_per_s_16), 'appends/s'],
    ['ratio_http_to_store', report.ratio_http_to_store.toFixed(3), verdict('ratio_http_to_store')],
    ['http_floor_per_s_16', count(report.http_floor_per_s_16), 'requests/s on a route that touches nothing'],
    ['ratio_floor_to_store', report.ratio_floor_to_store.toFixed(3), 'the most ratio_http_to_store can reach here'],
    ['half_rate_target_per_s', count(report.half_rate_target_per_s), 'commands/s offered'],
    ['half_rate_achieved_per_s', count(report.half_rate_achieved_per_s), 'commands/s answered'],
    ['p50_ms_half_rate', report.p50_ms_half_rate.toFixed(1), 'ms'],
    ['p99_ms_half_rate', report.p99_ms_half_rate.toFixed(1), `ms, ${verdict('p99_ms_half_rate')}`],
    ['errors', String(report.errors), `non-2xx or unanswered, all phases, ${verdict('errors')}`],
    ['peak_rss_mb', report.peak_rss_mb.toFixed(1), 'MB'],
  ];
}

function commandTable(m: LeadsMeasurements, info: LeadsRunInfo): string[] {
  return columns([
    ['by command', 'appends', `closed loop, ${info.config.clients} clients`, 'half rate'],
    ['', '', 'p50 / p99 ms', 'p50 / p99 ms'],
    ...commandKinds.map((kind) => [
      kind,
      `${info.appendEvents[kind]} event(s), ${info.appendBytes[kind]} B`,
      pair(m.http.byKind[kind]),
      pair(m.halfRate.byKind[kind]),
    ]),
  ]);
}

function cpuTable(m: LeadsMeasurements, concurrency: number): string[] {
  const phases: [string, PhaseObservation][] = [
    [`http, ${concurrency} clients`, m.phases.http],
    [`http floor, ${concurrency} clients`, m.phases.floor],
    [`store, ${concurrency} writers`, m.phases.store],
    ['half rate', m.phases.halfRate],
  ];
  return columns([
    ['over the phase', 'cores: this process', 'postgresql', 'other', 'machine', 'event loop busy', 'new pg sessions'],
    ...phases.map(([phase, { cpu, poolConnectionsOpened }]) => [
      phase,
      ...[cpu.process, cpu.postgres, cpu.other, cpu.machine].map((value) => value.toFixed(2)),
      `${Math.round(cpu.eventLoopUtilization * 100)} %`,
      String(poolConnectionsOpened),
    ]),
  ]);
}

function aligned(rows: readonly [string, string, string][]): string[] {
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows.map(([name, value, unit]) =>
    `  ${name.padEnd(nameWidth)}  ${value.padStart(valueWidth)}  ${unit}`.trimEnd(),
  );
}

function columns(rows: readonly string[][]): string[] {
  const widths = rows.reduce<number[]>(
    (max, row) => row.map((cell, index) => Math.max(cell.length, max[index] ?? 0)),
    [],
  );
  return rows.map((row) => `  ${row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('   ')}`.trimEnd());
}

function stalls(r: OpenLoopResult): string {
  const { delayMs, gc } = r.eventLoop;
  const worst = r.perSecond.reduce<OpenLoopResult['perSecond'][number] | undefined>(
    (slowest, second) => (slowest === undefined || second.p99 > slowest.p99 ? second : slowest),
    undefined,
  );
  const slowest = worst === undefined ? '' : `; slowest second #${worst.second}: p99 ${worst.p99.toFixed(1)} ms`;
  return (
    `  half rate, load generator: event loop delay p99 ${delayMs.p99.toFixed(1)} ms, max ${delayMs.max.toFixed(1)} ms; ` +
    `${gc.pauses} GC pauses, longest ${gc.maxMs.toFixed(1)} ms${slowest}`
  );
}

function observation({ cpu, poolConnectionsOpened }: PhaseObservation) {
  return { pool_connections_opened: poolConnectionsOpened, cpu_cores_over_phase: split(cpu) };
}

function split(cpu: CpuSplit) {
  return {
    this_process: cores(cpu.process),
    postgresql: cores(cpu.postgres),
    other: cores(cpu.other),
    machine: cores(cpu.machine),
    event_loop_utilization: ratio(cpu.eventLoopUtilization),
  };
}

function latencies(byKind: Record<CommandKind, Distribution>) {
  return Object.fromEntries(commandKinds.map((kind) => [kind, summary(byKind[kind])]));
}

function summary(d: Distribution) {
  return { count: d.count, p50: ms(d.p50), p90: ms(d.p90), p99: ms(d.p99), max: ms(d.max), mean: ms(d.mean) };
}

function pair(d: Distribution): string {
  return `${d.p50.toFixed(1)} / ${d.p99.toFixed(1)}`;
}

function rate(perSecond: number): number {
  return perSecond >= 100 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
}

function cores(value: number): number {
  return Math.round(value * 100) / 100;
}

function ratio(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ms(value: number): number {
  return Math.round(value * 100) / 100;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
