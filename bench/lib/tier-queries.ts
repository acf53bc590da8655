/**
 * "Which tier did this dealer hold on day D", asked through the channels service's HTTP API (GET
 * /dealers/{id}/tier?asOf=D) as a sales director, for random dealers and days, one question at a time; each answer is
 * checked against the history the bench decided.
 */
import type { Client } from 'pg';
import { SeededRandom } from '../../tools/demo/seeded-random';
import { benchDivision, manager } from './channels-setup';
import type { LoopbackHttp } from './leads-http';
import { type Distribution, distribution, sleep } from './messaging-timing';
import { progress } from './progress';
import { type ExpectedHistory, type SeededTiers, seededDealerPrefix } from './tier-history';

export interface AsOfResult {
  latencyMs: Distribution;
  queries: number;
  /** Answers that named another tier than the decided history holds on that day. */
  wrongAnswers: number;
  wrongSamples: string[];
  /** Questions about days before the dealer's first tier, answered with no tier. */
  beforeFirstTier: number;
}

/**
 * Waits until the service's views hold every seeded event: the versions of the seeded dealers' rows in the dealer
 * and tier record views add up to the events stored.
 */
export async function waitForSeededViews(
  database: Client,
  expected: { dealers: number; events: number },
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  let lastShown = 0;
  for (;;) {
    const { rows } = await database.query<{ records: string; events: string }>(
      `SELECT (SELECT count(*) FROM channels_dealer_tier WHERE division_id = $1) AS records,
              (SELECT coalesce(sum(version), 0) FROM channels_dealer_tier WHERE division_id = $1)
            + (SELECT coalesce(sum(version), 0) FROM channels_dealer WHERE dealer_id LIKE $2) AS events`,
      [benchDivision, `${seededDealerPrefix}%`],
    );
    const events = Number(rows[0]?.events ?? 0);
    const elapsed = performance.now() - started;
    if (events >= expected.events) return elapsed;
    if (elapsed - lastShown >= 5000) {
      lastShown = elapsed;
      progress(
        `views: ${Number(rows[0]?.records ?? 0).toLocaleString('en')} of ${expected.dealers.toLocaleString('en')} ` +
          `tier records, ${events.toLocaleString('en')} of ${expected.events.toLocaleString('en')} events folded`,
      );
    }
    if (elapsed > timeoutMs)
      throw new Error(`the views held ${events} of ${expected.events} events after ${timeoutMs} ms`);
    await sleep(500);
  }
}

/** The tier in force on `day`: the last change effective by then; null before the first. */
export function expectedTier(history: ExpectedHistory, day: string): string | null {
  let tier: string | null = null;
  history.days.forEach((effective, at) => {
    if (effective <= day) tier = history.tierIds[at] ?? null;
  });
  return tier;
}

const dayMs = 24 * 60 * 60 * 1000;

export async function measureAsOf(
  channels: LoopbackHttp,
  seeded: SeededTiers,
  shape: { queries: number; warmupQueries: number; seed: number },
): Promise<AsOfResult> {
  const random = new SeededRandom(shape.seed + 1);
  // From a month before the first history starts, so that some questions fall before a dealer's first tier.
  const from = Date.parse(seeded.firstDay) - 30 * dayMs;
  const days = Math.round((Date.parse(seeded.lastDay) - from) / dayMs);
  const latencies: number[] = [];
  const wrongSamples: string[] = [];
  let wrongAnswers = 0;
  let beforeFirstTier = 0;
  progress(`as-of: ${shape.warmupQueries} warm-up then ${shape.queries} timed queries, one at a time`);
  for (let query = 0; query < shape.warmupQueries + shape.queries; query += 1) {
    const history = random.pick(seeded.histories);
    const day = new Date(from + random.integer(0, days) * dayMs).toISOString().slice(0, 10);
    const started = performance.now();
    const answer = await channels.get(`/dealers/${history.dealerId}/tier?asOf=${day}`, manager);
    const elapsed = performance.now() - started;
    if (answer.status !== 200) throw new Error(`GET tier as of ${day}: ${answer.status} ${answer.body.slice(0, 300)}`);
    if (query < shape.warmupQueries) continue;
    latencies.push(elapsed);
    const tier = (JSON.parse(answer.body) as { tier: { tierId: string } | null }).tier?.tierId ?? null;
    const expected = expectedTier(history, day);
    if (expected === null) beforeFirstTier += 1;
    if (tier !== expected) {
      wrongAnswers += 1;
      if (wrongSamples.length < 5) wrongSamples.push(`${history.dealerId} on ${day}: ${tier} instead of ${expected}`);
    }
  }
  const latencyMs = distribution(latencies);
  progress(
    `as-of: p50 ${latencyMs.p50.toFixed(2)} ms, p95 ${latencyMs.p95.toFixed(2)} ms, ` +
      `p99 ${latencyMs.p99.toFixed(2)} ms, ${wrongAnswers} wrong answer(s)`,
  );
  return { latencyMs, queries: latencies.length, wrongAnswers, wrongSamples, beforeFirstTier };
}
