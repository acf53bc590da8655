import { testPostgresAdminUrl } from '@salesos/event-store/testing';

export interface LeadsBenchConfig {
  /** A server URL whose user may create databases; the run makes and drops its own database there. */
  adminUrl: string;
  seconds: number;
  warmupSeconds: number;
  /** Concurrent HTTP clients, and concurrent writers of the store-only ceiling. */
  clients: number;
  /** Connections of the event store's pool, shared by the service and the ceiling. */
  poolSize: number;
  /** The open-loop phase offers this share of the measured closed-loop rate. */
  halfRateShare: number;
  /** Profiles the two throughput phases into `<prefix>-http.cpuprofile` and `<prefix>-store.cpuprofile`. */
  cpuProfilePrefix: string | undefined;
}

export function loadLeadsConfig(env: NodeJS.ProcessEnv = process.env): LeadsBenchConfig {
  const seconds = positiveNumber(env, 'BENCH_SECONDS', 10);
  const profile = env.BENCH_CPU_PROFILE;
  return {
    adminUrl: env.SALESOS_BENCH_DATABASE_URL ?? testPostgresAdminUrl,
    seconds,
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP_SECONDS', Math.min(2, seconds / 4)),
    clients: 16,
    poolSize: 16,
    halfRateShare: 0.5,
    cpuProfilePrefix: profile === undefined || profile === '' ? undefined : profile,
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
}
