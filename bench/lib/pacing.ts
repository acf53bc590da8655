/**
 * Open-loop pacing: sends are due on a fixed schedule whatever the service does, so a slow answer shows as latency
 * from the due time, never as a lower offered rate (no coordinated omission).
 */
import { sleep } from './messaging-timing';

export interface PacedShape {
  ratePerSecond: number;
  warmupSeconds: number;
  seconds: number;
}

export interface PacingPlan {
  start: number;
  intervalMs: number;
  /** Sends before the measured window. */
  warmup: number;
  /** Sends due inside the measured window. */
  offered: number;
  windowStart: number;
}

export interface PacedSlot {
  index: number;
  dueAt: number;
  measured: boolean;
}

export function pacingPlan(shape: PacedShape, start: number): PacingPlan {
  if (!(shape.ratePerSecond > 0)) throw new Error(`a paced rate must be above 0, got ${shape.ratePerSecond}`);
  const intervalMs = 1000 / shape.ratePerSecond;
  const warmup = Math.round(shape.ratePerSecond * shape.warmupSeconds);
  const offered = Math.round(shape.ratePerSecond * shape.seconds);
  return { start, intervalMs, warmup, offered, windowStart: start + warmup * intervalMs };
}

export function slotAt(plan: PacingPlan, index: number): PacedSlot {
  return { index, dueAt: plan.start + index * plan.intervalMs, measured: index >= plan.warmup };
}

/** The slots due at `now` and not handed out yet: those from `next` on whose time has come. */
export function dueSlots(plan: PacingPlan, next: number, now: number): PacedSlot[] {
  const total = plan.warmup + plan.offered;
  const slots: PacedSlot[] = [];
  for (let index = next; index < total && slotAt(plan, index).dueAt <= now; index += 1) slots.push(slotAt(plan, index));
  return slots;
}

/**
 * Hands out every slot of the plan at its due time (a late timer hands out all that are due at once) and returns how
 * late each measured slot was handed out. `abort` stops the schedule with its reason.
 */
export async function runPaced(
  plan: PacingPlan,
  onSlot: (slot: PacedSlot) => void,
  abort: () => string | undefined = () => undefined,
): Promise<number[]> {
  const total = plan.warmup + plan.offered;
  const lags: number[] = [];
  let next = 0;
  while (next < total) {
    const reason = abort();
    if (reason !== undefined) throw new Error(reason);
    const now = performance.now();
    for (const slot of dueSlots(plan, next, now)) {
      if (slot.measured) lags.push(now - slot.dueAt);
      onSlot(slot);
      next = slot.index + 1;
    }
    if (next < total) {
      const wait = slotAt(plan, next).dueAt - performance.now();
      if (wait >= 1) await sleep(wait);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return lags;
}

/** One client's sends in order: an item that comes while the previous one is still out waits its turn. */
export class OrderedQueue<T> {
  private readonly waiting: T[] = [];
  private draining: Promise<void> | undefined;

  constructor(private readonly send: (item: T) => Promise<void>) {}

  push(item: T): void {
    this.waiting.push(item);
    this.draining ??= this.drain();
  }

  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    for (let item = this.waiting.shift(); item !== undefined; item = this.waiting.shift()) await this.send(item);
    // In the same tick as the last look at the queue, so no item pushed meanwhile is left behind.
    this.draining = undefined;
  }
}
