/** Accumulated wall time of one kind of call; the timed code runs unchanged in between. */
export class Stopwatch {
  totalMs = 0;
  calls = 0;

  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.totalMs += performance.now() - started;
      this.calls += 1;
    }
  }

  reset(): void {
    this.totalMs = 0;
    this.calls = 0;
  }
}

/** Wall time and the CPU this process used over one phase. */
export interface PhaseClock {
  readonly startedAt: number;
  stop(): { seconds: number; clientCpuCores: number };
}

export function startClock(): PhaseClock {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return {
    startedAt: started,
    stop: () => {
      const elapsedMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      return { seconds: elapsedMs / 1000, clientCpuCores: (used.user + used.system) / (elapsedMs * 1000) };
    },
  };
}

export interface WaitOptions {
  timeoutMs: number;
  what: string;
  /** A reason to give up at once (a relay or consumer that stopped on an error). */
  failure?: () => string | undefined;
  /** Called on every poll, e.g. to report progress. */
  onPoll?: () => void;
  pollMs?: number;
}

export class WaitTimeoutError extends Error {}

/** Polls `done` until it holds; in-memory checks only, so the polling costs the measured work nothing. */
export async function waitFor(done: () => boolean, options: WaitOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (!done()) {
    const failure = options.failure?.();
    if (failure !== undefined) throw new Error(`${options.what}: ${failure}`);
    if (performance.now() > deadline) {
      throw new WaitTimeoutError(`timed out after ${options.timeoutMs} ms: ${options.what}`);
    }
    options.onPoll?.();
    await sleep(options.pollMs ?? 5);
  }
  options.onPoll?.();
}

/** The most memory this process has held so far. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}
