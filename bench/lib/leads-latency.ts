/**
 * Latency at a steady offered rate: commands are scheduled on a timer and dealt round-robin to the clients, each of
 * which runs its own commands in order. Latency runs from a command's scheduled time to its answer, so time spent
 * waiting behind a slow earlier command counts too (no coordinated omission).
 */
import { type EventLoopReport, type EventLoopWatch, watchEventLoop } from './event-loop-watch';
import type { CommandKind, CommandOutcome, LeadsClient } from './leads-mix';
import { type Distribution, distribution, sleep, startClock } from './messaging-timing';
import { OrderedQueue } from './pacing';
import { formatRate, progress } from './progress';

export interface OpenLoopShape {
  ratePerSecond: number;
  seconds: number;
  warmupSeconds: number;
}

export interface OpenLoopResult {
  targetRatePerSecond: number;
  /** Commands scheduled inside the measured window. */
  offered: number;
  completed: number;
  errors: number;
  /** Successful measured commands per second, from the window's start to the last answer. */
  achievedRatePerSecond: number;
  latency: Distribution;
  byKind: Record<CommandKind, Distribution>;
  /** How late the timer handed out commands against their schedule (the client's own event loop). */
  scheduleLag: Distribution;
  /** Each second of the window, by scheduled time: whether slow answers come in bursts or all along. */
  perSecond: SecondOfWindow[];
  eventLoop: EventLoopReport;
  clientCpuCores: number;
}

export interface SecondOfWindow {
  second: number;
  count: number;
  p50: number;
  p99: number;
  max: number;
}

interface Slot {
  dueAt: number;
  measured: boolean;
}

type Recorder = (slot: Slot, outcome: CommandOutcome, answeredAt: number) => void;

class Samples {
  readonly latencies: number[] = [];
  readonly bySecond: number[][] = [];
  readonly byKind = new Map<CommandKind, number[]>();
  readonly scheduleLags: number[] = [];
  errors = 0;
  lastAnswerAt = 0;

  add(kind: CommandKind, latencyMs: number, second: number, answeredAt: number): void {
    this.latencies.push(latencyMs);
    (this.bySecond[second] ??= []).push(latencyMs);
    const own = this.byKind.get(kind) ?? [];
    own.push(latencyMs);
    this.byKind.set(kind, own);
    this.lastAnswerAt = Math.max(this.lastAnswerAt, answeredAt);
  }
}

export async function measureAtRate(
  label: string,
  clients: readonly LeadsClient[],
  shape: OpenLoopShape,
  onOutcome: (outcome: CommandOutcome) => void,
): Promise<OpenLoopResult> {
  progress(
    `${label}: ${shape.warmupSeconds} s warm-up then ${shape.seconds} s at ${formatRate(shape.ratePerSecond)} ` +
      `commands/s over ${clients.length} clients`,
  );
  const samples = new Samples();
  const plan = schedulePlan(shape);
  const record: Recorder = (slot, outcome, answeredAt) => {
    onOutcome(outcome);
    if (!slot.measured) return;
    const second = Math.floor((slot.dueAt - plan.windowStart) / 1000);
    if (outcome.ok) samples.add(outcome.kind, answeredAt - slot.dueAt, second, answeredAt);
    else samples.errors += 1;
  };
  const queues = clients.map(
    (client) =>
      new OrderedQueue<Slot>(async (slot) => {
        const outcome = await client.next();
        record(slot, outcome, performance.now());
      }),
  );
  const { clientCpuCores, eventLoop } = await schedule(queues, plan, samples);
  const completed = samples.latencies.length;
  const result: OpenLoopResult = {
    targetRatePerSecond: shape.ratePerSecond,
    offered: plan.offered,
    completed,
    errors: samples.errors,
    achievedRatePerSecond: completed / ((samples.lastAnswerAt - plan.windowStart) / 1000),
    latency: distribution(samples.latencies),
    byKind: distributionsByKind(samples.byKind),
    scheduleLag: distribution(samples.scheduleLags),
    // Array.from, not map: a second without a single success is a hole that must still be reported.
    perSecond: Array.from(samples.bySecond, (latencies, second) => ({ second, ...distribution(latencies ?? []) })),
    eventLoop,
    clientCpuCores,
  };
  progress(
    `${label}: achieved ${formatRate(result.achievedRatePerSecond)} commands/s, p50 ${result.latency.p50.toFixed(1)} ms, ` +
      `p99 ${result.latency.p99.toFixed(1)} ms, ${result.errors} error(s)`,
  );
  return result;
}

interface SchedulePlan {
  start: number;
  intervalMs: number;
  warmup: number;
  offered: number;
  windowStart: number;
}

function schedulePlan(shape: OpenLoopShape): SchedulePlan {
  const start = performance.now();
  const intervalMs = 1000 / shape.ratePerSecond;
  const warmup = Math.round(shape.ratePerSecond * shape.warmupSeconds);
  const offered = Math.round(shape.ratePerSecond * shape.seconds);
  return { start, intervalMs, warmup, offered, windowStart: start + warmup * intervalMs };
}

async function schedule(
  queues: readonly OrderedQueue<Slot>[],
  { start, intervalMs, warmup, offered }: SchedulePlan,
  samples: Samples,
): Promise<{ clientCpuCores: number; eventLoop: EventLoopReport }> {
  let clock: ReturnType<typeof startClock> | undefined;
  let watch: EventLoopWatch | undefined;
  for (let index = 0; index < warmup + offered; index += 1) {
    const dueAt = start + index * intervalMs;
    const wait = dueAt - performance.now();
    if (wait >= 1) await sleep(wait);
    const measured = index >= warmup;
    if (measured) {
      clock ??= startClock();
      watch ??= watchEventLoop();
      samples.scheduleLags.push(performance.now() - dueAt);
    }
    queues[index % queues.length]?.push({ dueAt, measured });
  }
  await Promise.all(queues.map((queue) => queue.idle()));
  const eventLoop = (watch ?? watchEventLoop()).stop();
  return { clientCpuCores: clock?.stop().clientCpuCores ?? Number.NaN, eventLoop };
}

export function distributionsByKind(latencies: ReadonlyMap<CommandKind, number[]>): Record<CommandKind, Distribution> {
  const of = (kind: CommandKind): Distribution => distribution(latencies.get(kind) ?? []);
  return { open_opportunity: of('open_opportunity'), move_stage: of('move_stage'), capture_lead: of('capture_lead') };
}
