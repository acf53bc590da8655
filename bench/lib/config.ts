import { testPostgresAdminUrl } from '@salesos/event-store/testing';

export interface BenchConfig {
  /** A server URL whose user may create databases; the run makes and drops its own database there. */
  adminUrl: string;
  seconds: number;
  warmupSeconds: number;
  readEvents: number;
  /** Connections per contender's pool: one per writer of the widest measurement. */
  poolSize: number;
  writers: { single: number; concurrent: number; seed: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const seconds = positiveNumber(env, 'BENCH_SECONDS', 8);
  return {
    adminUrl: env.SALESOS_BENCH_DATABASE_URL ?? testPostgresAdminUrl,
    seconds,
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP_SECONDS', Math.min(2, seconds / 4)),
    readEvents: Math.round(positiveNumber(env, 'BENCH_READ_EVENTS', 1_000_000)),
    poolSize: 16,
    writers: { single: 1, concurrent: 16, seed: 4 },
  };
}

export function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
}
