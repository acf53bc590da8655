import { readdir, readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { machineCpu, processTicks } from './cpu-split';
import type { ServiceProcess } from './service-process';

/**
 * Over the measured window, in cores. On a small machine the services, PostgreSQL, Kafka and this process share
 * the cores; `other` is PostgreSQL's shared processes and whatever else ran on the machine meanwhile.
 */
export interface CpuCores {
  leads: number;
  reporting: number;
  /** The backends of this run's two databases. */
  postgres: number;
  /** The broker, when it runs on this machine. */
  kafka: number;
  bench: number;
  other: number;
  machine: number;
}

interface CpuMark {
  at: number;
  machineMs: number;
  leadsMs: number;
  reportingMs: number;
  postgresMs: number;
  kafkaMs: number;
  benchMs: number;
}

/** /proc counts in hundredths of a second. */
const msPerTick = 10;

export class CpuWindow {
  private marks: Promise<CpuMark>[] = [];
  private readonly kafkaPid = localKafkaPid();

  constructor(
    private readonly leads: ServiceProcess,
    private readonly reporting: ServiceProcess,
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
    const cores = (field: Exclude<keyof CpuMark, 'at'>): number => (end[field] - start[field]) / (end.at - start.at);
    const ours = {
      leads: cores('leadsMs'),
      reporting: cores('reportingMs'),
      postgres: cores('postgresMs'),
      kafka: cores('kafkaMs'),
      bench: cores('benchMs'),
    };
    const machine = cores('machineMs');
    const other = machine - Object.values(ours).reduce((sum, used) => sum + (Number.isNaN(used) ? 0 : used), 0);
    return { ...ours, other: Math.max(0, other), machine };
  }

  private async mark(): Promise<CpuMark> {
    const at = performance.now();
    const { user, system } = process.cpuUsage();
    const { machineBusyMs } = machineCpu();
    const [leads, reporting, kafka, postgresMs] = await Promise.all([
      processTicks(this.leads.pid ?? -1),
      processTicks(this.reporting.pid ?? -1),
      this.kafkaPid.then((pid) => (pid === undefined ? undefined : processTicks(pid))),
      this.postgresMs(),
    ]);
    return {
      at,
      machineMs: machineBusyMs,
      leadsMs: (leads ?? Number.NaN) * msPerTick,
      reportingMs: (reporting ?? Number.NaN) * msPerTick,
      postgresMs,
      kafkaMs: (kafka ?? Number.NaN) * msPerTick,
      benchMs: (user + system) / 1000,
    };
  }

  /** A backend that ends inside the window takes its CPU with it; the services' pools keep theirs open. */
  private async postgresMs(): Promise<number> {
    const admin = new Client({ connectionString: this.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = ANY($1::text[])',
        [this.databases],
      );
      const ticks = await Promise.all(rows.map(({ pid }) => processTicks(pid)));
      return ticks.reduce<number>((sum, tick) => sum + (tick ?? 0), 0) * msPerTick;
    } finally {
      await admin.end();
    }
  }
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
