/**
 * Faults benchmark: the fault suite's run (tools/testing/fault-run.ts) longer and harder. Leads and reporting in
 * processes of their own on PostgreSQL and a Kafka broker of the run's own; commands at a steady rate through the
 * leads API with Idempotency-Keys and retries; a `kill -9` at a fixed period, the two services in turn (a process
 * still starting is killed as it is, and its restart counts as long as it had been starting); one broker outage.
 * Then the audit, and bench/results/faults.json.
 *
 * `BENCH_SECONDS` (default 300), `BENCH_RATE` (commands/s, default 100), `BENCH_KILL_EVERY_SECONDS` (default 10),
 * `BENCH_OUTAGE_AT_SECONDS` (default 120), `BENCH_OUTAGE_SECONDS` (default 30), `FAULT_SEED` (replays a run).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { percentile, restartTimes, runFaults } from '../tools/testing/fault-run';
import { runBench } from './lib/bench-process';
import { progress } from './lib/progress';

const resultsPath = join(__dirname, 'results', 'faults.json');

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
}

async function main(): Promise<void> {
  const seconds = numberFromEnv('BENCH_SECONDS', 300);
  const rate = numberFromEnv('BENCH_RATE', 100);
  const killEvery = numberFromEnv('BENCH_KILL_EVERY_SECONDS', 10);
  const outageAt = numberFromEnv('BENCH_OUTAGE_AT_SECONDS', Math.min(120, seconds / 3));
  const outageFor = numberFromEnv('BENCH_OUTAGE_SECONDS', 30);
  const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const loadAtStart = loadavg()[0] ?? 0;
  const started = new Date();

  const report = await runFaults({
    seed,
    loadSeconds: seconds,
    commandsPerSecond: rate,
    killEverySeconds: [killEvery, killEvery],
    alternate: true,
    brokerOutage: { atSecond: outageAt, seconds: outageFor },
    log: progress,
    progressEverySeconds: 10,
  });

  const restarts = restartTimes(report.kills);
  const figures = {
    commands_accepted: report.commandsAccepted,
    events_lost: report.eventsLost,
    events_doubled: report.eventsDoubled,
    read_model_rows_differing_from_rebuild: report.readModelRowsDifferingFromRebuild,
    unassigned_captures: report.unassignedCaptures,
    restart_ready_p99_ms: percentile(restarts, 0.99),
    convergence_s_after_broker_back: report.convergenceSecondsAfterBrokerBack,
  };
  const met = {
    events_lost: figures.events_lost === 0,
    events_doubled: figures.events_doubled === 0,
    read_model_rows_differing_from_rebuild: figures.read_model_rows_differing_from_rebuild === 0,
    unassigned_captures: figures.unassigned_captures === 0,
    restart_ready_p99_ms: figures.restart_ready_p99_ms < 5000,
    convergence_s_after_broker_back: figures.convergence_s_after_broker_back < 30,
  };
  const result = {
    ...figures,
    targets: {
      events_lost: '== 0',
      events_doubled: '== 0',
      read_model_rows_differing_from_rebuild: '== 0',
      unassigned_captures: '== 0',
      restart_ready_p99_ms: '< 5000',
      convergence_s_after_broker_back: '< 30',
    },
    targets_met: { ...met, all: Object.values(met).every(Boolean) },
    details: {
      seed,
      commands_sent: report.commandsSent,
      commands_refused: report.commandsRefused.length,
      refused_samples: report.commandsRefused
        .slice(0, 5)
        .map((record) => `${record.kind} ${record.path}: ${record.status} ${record.answer ?? ''}`),
      sends_repeated_by_the_client: report.retries,
      kills: report.kills.length,
      kills_of_a_process_still_starting: report.kills.filter((kill) => kill.readyMs === undefined).length,
      restart_ready_ms: {
        p50: percentile(restarts, 0.5),
        p90: percentile(restarts, 0.9),
        p99: percentile(restarts, 0.99),
        max: Math.max(...restarts),
      },
      restart_cpu_ms_p50: percentile(
        report.kills.flatMap((kill) => kill.cpuMs ?? []),
        0.5,
      ),
      broker_outage: report.brokerOutage,
      records_republished_by_the_relay: report.recordsRepublished,
      read_model_rows: report.readModelRows,
      dead_letters: report.deadLetters,
      parked_events: report.parkedEvents,
      consumer_lag_at_end: report.consumerLagAtEnd,
      relay_lag_at_end: report.relayLagAtEnd,
      findings: report.findings,
      kill_log: report.kills,
    },
    metadata: {
      date: started.toISOString(),
      node_version: process.version,
      cpu_count: availableParallelism(),
      load_average_1m: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      seconds,
      commands_per_second: rate,
      kill_every_seconds: killEvery,
      broker_outage: { at_second: outageAt, seconds: outageFor },
      notes: {
        processes:
          'leads and reporting run as processes of their own (tools/start-service.ts) on PostgreSQL, with a Kafka broker the run starts on free ports; the client runs in this process.',
        client:
          'Commands dealt at a steady rate to stories (capture, qualify, convert, move, win or lose a lead; open, move, win or lose a deal), each command with an Idempotency-Key of its own, sent again with the same key after no answer, a 5xx or a 409 of exhausted concurrency retries (0.1 s doubling to 2 s), 32 requests on the wire at most.',
        kills:
          'SIGKILL every kill_every_seconds, leads and reporting in turn, restarted at once; restart_ready_p99_ms runs from the restart to the first 200 of /health/ready, and a process killed again while starting counts as long as it had been starting.',
        audit:
          'events_lost: commands answered 2xx with nothing stored, plus stored events missing from their topic; events_doubled: events of one command stored more than once; read_model_rows_differing_from_rebuild: rows of the live read models and of a rebuild from the topics (the projection rebuilder, into a database of its own) that are not in the other; unassigned_captures: captured leads without LeadAssigned in the store or without an owner in the reports; convergence: from the broker accepting connections again until every lead and deal stored by then is in the read models.',
      },
    },
  };
  writeFileSync(resultsPath, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ ...figures, targets_met: result.targets_met }, null, 2)}\n`);
  progress(`results written to ${resultsPath}`);
}

runBench('faults', main);
