import { testPostgresAdminUrl } from '@salesos/event-store/testing';
import { positiveNumber } from './config';

export type ChannelsBenchPart = 'registrations' | 'tiers';
const allParts: readonly ChannelsBenchPart[] = ['registrations', 'tiers'];

export interface ChannelsBenchConfig {
  /** A server URL whose user may create databases; the run makes and drops its own databases there. */
  adminUrl: string;
  brokers: string[];
  parts: ReadonlySet<ChannelsBenchPart>;
  seconds: number;
  warmupSeconds: number;
  /** HTTP clients of the registration phases, each a dealer's user; writers of the store-only baseline. */
  clients: number;
  /** The open-loop phase offers this share of the measured closed-loop rate. */
  halfRateShare: number;
  /** How long after the last send an answer may take before it counts as never answered. */
  drainSeconds: number;
  tiers: TierSeedShape & { queries: number; warmupQueries: number };
}

export interface TierSeedShape {
  dealers: number;
  years: number;
  /** Tier reviews per dealer and year; a review that finds another tier is confirmed or rejected. */
  reviewsPerYear: number;
  /** Streams in flight while the history is stored. */
  writers: number;
  /** Decides the same histories on every run. */
  seed: number;
}

export function loadChannelsConfig(env: NodeJS.ProcessEnv = process.env): ChannelsBenchConfig {
  const seconds = positiveNumber(env, 'BENCH_SECONDS', 10);
  const brokers = env.SALESOS_BENCH_KAFKA_BROKERS ?? env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092';
  return {
    adminUrl: env.SALESOS_BENCH_DATABASE_URL ?? testPostgresAdminUrl,
    brokers: brokers.split(',').map((broker) => broker.trim()),
    parts: partsFrom(env.BENCH_PARTS),
    seconds,
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP_SECONDS', Math.min(2, seconds / 4)),
    clients: 16,
    halfRateShare: 0.5,
    drainSeconds: positiveNumber(env, 'BENCH_DRAIN_SECONDS', 30),
    tiers: {
      dealers: Math.round(positiveNumber(env, 'BENCH_DEALERS', 10_000)),
      years: Math.round(positiveNumber(env, 'BENCH_TIER_YEARS', 5)),
      reviewsPerYear: Math.round(positiveNumber(env, 'BENCH_TIER_REVIEWS_PER_YEAR', 4)),
      writers: 4,
      seed: Math.round(positiveNumber(env, 'BENCH_SEED', 42)),
      queries: Math.round(positiveNumber(env, 'BENCH_TIER_QUERIES', 2000)),
      warmupQueries: 200,
    },
  };
}

function partsFrom(raw: string | undefined): ReadonlySet<ChannelsBenchPart> {
  if (raw === undefined || raw.trim() === '') return new Set(allParts);
  const named = raw.split(',').map((part) => part.trim());
  const unknown = named.filter((part) => !allParts.includes(part as ChannelsBenchPart));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS takes ${allParts.join(', ')}; got '${unknown.join(', ')}'`);
  return new Set(named as ChannelsBenchPart[]);
}
