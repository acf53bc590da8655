import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** What held up this process's one event loop over a phase: the service, the store client and the load generator. */
export interface EventLoopReport {
  /** Event loop delay, sampled every 10 ms: how late a timer due then actually ran. */
  delayMs: { p50: number; p99: number; max: number };
  gc: { pauses: number; totalMs: number; maxMs: number };
}

export interface EventLoopWatch {
  stop(): EventLoopReport;
}

/** The histogram records whole timer intervals; the delay is what exceeds the resolution. */
const resolutionMs = 10;

export function watchEventLoop(): EventLoopWatch {
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  const gc = { pauses: 0, totalMs: 0, maxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauses += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  delay.enable();
  return {
    stop: () => {
      delay.disable();
      observer.disconnect();
      const ms = (nanos: number): number => Math.max(0, nanos / 1e6 - resolutionMs);
      return {
        delayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
        gc: { ...gc },
      };
    },
  };
}
