import { readdir, readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { machineCpu, processTicks } from './cpu-split';
import type { ServiceProcess } from './service-process';

/**
 * Over the measured window, in cores: each service process by its name, then the rest. On a small machine the
 * services, PostgreSQL, Kafka and this process share the cores; `other` is PostgreSQL's shared processes and whatever
 * else ran on the machine meanwhile.
 */
export type CpuCores = Record<string, number> & {
  /** The backends of this run's databases. */
  postgres: number;
  /** The broker, when it runs on this machine. */
  kafka: number;
  bench: number;
  other: number;
  machine: number;
};

interface CpuMark {
  at: number;
  machineMs: number;
  servicesMs: number[];
  postgresMs: Map<number, number>;
  kafkaMs: number;
  benchMs: number;
}

/** /proc counts in hundredths of a second. */
const msPerTick = 10;

export class CpuWindow {
  private marks: Promise<CpuMark>[] = [];
  private readonly kafkaPid = localKafkaPid();

  constructor(
    private readonly services: Readonly<Record<string, ServiceProcess>>,
    private readonly adminUrl: string,
    private readonly databases: readonly string[],
  ) {}

  start(): void {
    this.marks = [this.mark()];
  }

  end(): void {
    this.marks.push(this.mark());
  }

  async cores(): Promise<CpuCores> {
    const [start, end] = await Promise.all(this.marks);
    if (start === undefined || end === undefined) throw new Error('the measured window never ended');
    const per = (startMs: number, endMs: number): number => (endMs - startMs) / (end.at - start.at);
    const cores = (field: 'machineMs' | 'kafkaMs' | 'benchMs'): number => per(start[field], end[field]);
    const services = Object.fromEntries(
      Object.keys(this.services).map((name, at) => [name, per(start.servicesMs[at] ?? 0, end.servicesMs[at] ?? 0)]),
    );
    const postgres = per(0, postgresDeltaMs(start.postgresMs, end.postgresMs));
    const ours = { ...services, postgres, kafka: cores('kafkaMs'), bench: cores('benchMs') };
    const machine = cores('machineMs');
    const other = machine - Object.values(ours).reduce((sum, used) => sum + (Number.isNaN(used) ? 0 : used), 0);
    return { ...ours, other: Math.max(0, other), machine };
  }

  private async mark(): Promise<CpuMark> {
    const at = performance.now();
    const { user, system } = process.cpuUsage();
    const { machineBusyMs } = machineCpu();
    const [services, kafka, postgresMs] = await Promise.all([
      Promise.all(Object.values(this.services).map((service) => processTicks(service.pid ?? -1))),
      this.kafkaPid.then((pid) => (pid === undefined ? undefined : processTicks(pid))),
      this.postgresMs(),
    ]);
    return {
      at,
      machineMs: machineBusyMs,
      servicesMs: services.map((ticks) => (ticks ?? Number.NaN) * msPerTick),
      postgresMs,
      kafkaMs: (kafka ?? Number.NaN) * msPerTick,
      benchMs: (user + system) / 1000,
    };
  }

  /**
   * CPU of each backend of the run's databases, by pid. A backend that ends inside the window takes its CPU with it
   * (the services' pools keep theirs open); one that starts inside it counts from zero.
   */
  private async postgresMs(): Promise<Map<number, number>> {
    const admin = new Client({ connectionString: this.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = ANY($1::text[])',
        [this.databases],
      );
      const ticks = await Promise.all(rows.map(async ({ pid }) => [pid, await processTicks(pid)] as const));
      return new Map(ticks.flatMap(([pid, tick]) => (tick === undefined ? [] : [[pid, tick * msPerTick] as const])));
    } finally {
      await admin.end();
    }
  }
}

/** What the backends alive at the end used since the start: never less than nothing when some have ended. */
function postgresDeltaMs(start: ReadonlyMap<number, number>, end: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of end) total += ms - (start.get(pid) ?? 0);
  return total;
}

/** The broker's JVM on this machine, found by its main class; undefined for a remote broker. */
async function localKafkaPid(): Promise<number | undefined> {
  const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.split('\0').includes('kafka.Kafka')) return Number(pid);
  }
  return undefined;
}
