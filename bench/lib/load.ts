import { formatRate, progress } from './progress';

export interface LoadShape {
  label: string;
  writers: number;
  warmupSeconds: number;
  seconds: number;
}

export interface Throughput {
  eventsPerSecond: number;
  /**
   * CPU this process used during the timed window, in cores (user + system, socket writes included). On a
   * small machine the client competes with the server for the same cores.
   */
  clientCpuCores: number;
}

/** One unit of a writer's work; resolves to the number of events it appended. */
export type WriterStep = () => Promise<number>;

interface CpuSample {
  at: number;
  usage: NodeJS.CpuUsage;
}

/**
 * Runs `shape.writers` concurrent loops of `step` through a warm-up and then a timed window. An append counts
 * when it completes inside the window.
 */
export async function measureThroughput(
  shape: LoadShape,
  stepFor: (writer: number) => WriterStep,
): Promise<Throughput> {
  progress(`${shape.label}: ${shape.writers} writer(s), ${shape.warmupSeconds} s warm-up, ${shape.seconds} s measured`);
  const windowStart = performance.now() + shape.warmupSeconds * 1000;
  const windowEnd = windowStart + shape.seconds * 1000;
  let counted = 0;
  // Sampled by the writers rather than by timers: a synchronous store (SQLite) never lets a timer run.
  let cpuStart: CpuSample | undefined;
  let cpuEnd: CpuSample | undefined;
  const runWriter = async (step: WriterStep): Promise<void> => {
    while (performance.now() < windowEnd) {
      const events = await step();
      const completedAt = performance.now();
      if (completedAt >= windowStart && completedAt <= windowEnd) counted += events;
      if (cpuStart === undefined && completedAt >= windowStart) cpuStart = cpuSample(completedAt);
      if (cpuEnd === undefined && completedAt >= windowEnd) cpuEnd = cpuSample(completedAt);
    }
  };
  await Promise.all(Array.from({ length: shape.writers }, (_, writer) => runWriter(stepFor(writer))));
  const throughput = { eventsPerSecond: counted / shape.seconds, clientCpuCores: coresBetween(cpuStart, cpuEnd) };
  progress(
    `${shape.label}: ${formatRate(throughput.eventsPerSecond)} events/s, ` +
      `client process used ${throughput.clientCpuCores.toFixed(2)} cores`,
  );
  return throughput;
}

function cpuSample(at: number): CpuSample {
  return { at, usage: process.cpuUsage() };
}

function coresBetween(start: CpuSample | undefined, end: CpuSample | undefined): number {
  if (start === undefined || end === undefined || end.at <= start.at) return Number.NaN;
  const cpuMicros = end.usage.user - start.usage.user + (end.usage.system - start.usage.system);
  return cpuMicros / ((end.at - start.at) * 1000);
}
