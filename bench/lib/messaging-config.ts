import { testPostgresAdminUrl } from '@salesos/event-store/testing';

export interface E2eConfig {
  ratePerSecond: number;
  seconds: number;
  warmupSeconds: number;
  /** Order streams the appends rotate over, one event per append. */
  aggregates: number;
  /** How long to wait, after the last append, for the last effect. */
  drainSeconds: number;
}

export interface MessagingBenchConfig {
  /** A server URL whose user may create databases; the run makes and drops its own database there. */
  adminUrl: string;
  brokers: string[];
  events: number;
  aggregates: number;
  partitions: number;
  relayBatchSize: number;
  produceBatchSize: number;
  relayPollIntervalMs: number;
  consumerMaxWaitMs: number;
  seed: { eventsPerAppend: number; writers: number };
  /** Records produced and consumed once before the timed phases, so no phase pays for kafkajs's cold start. */
  warmupRecords: number;
  /** Upper bound of one throughput phase; a phase that takes longer fails the run. */
  phaseTimeoutSeconds: number;
  e2e: E2eConfig;
}

export function loadMessagingConfig(env: NodeJS.ProcessEnv = process.env): MessagingBenchConfig {
  const events = Math.round(positiveNumber(env, 'BENCH_MESSAGING_EVENTS', 100_000));
  const brokers = env.SALESOS_BENCH_KAFKA_BROKERS ?? env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092';
  return {
    adminUrl: env.SALESOS_BENCH_DATABASE_URL ?? testPostgresAdminUrl,
    brokers: brokers.split(',').map((broker) => broker.trim()),
    events,
    aggregates: 1000,
    partitions: 6,
    relayBatchSize: 500,
    produceBatchSize: 500,
    relayPollIntervalMs: 50,
    consumerMaxWaitMs: 100,
    seed: { eventsPerAppend: 10, writers: 4 },
    warmupRecords: Math.min(2000, events),
    phaseTimeoutSeconds: positiveNumber(env, 'BENCH_MESSAGING_PHASE_TIMEOUT_SECONDS', Math.max(120, events / 250)),
    e2e: {
      ratePerSecond: positiveNumber(env, 'BENCH_E2E_RATE', 500),
      seconds: positiveNumber(env, 'BENCH_E2E_SECONDS', 20),
      warmupSeconds: positiveNumber(env, 'BENCH_E2E_WARMUP_SECONDS', 3),
      aggregates: 1000,
      drainSeconds: 30,
    },
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
}
