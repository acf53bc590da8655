/**
 * Who used the CPU over a phase: this process (service, store client and load generator), the PostgreSQL
 * processes serving this run's database, and everything else on the machine. On a small shared machine the three
 * compete for the same cores, so a throughput figure means little without them.
 */
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import type { Client } from 'pg';

export interface CpuSample {
  machineBusyMs: number;
  machineTotalMs: number;
  processMicros: number;
  /** CPU time of this database's backends and the shared writers (WAL writer, checkpointer, background writer). */
  postgresMs: number;
  eventLoop: EventLoopUtilization;
}

/** In cores, averaged over the phase. */
export interface CpuSplit {
  process: number;
  postgres: number;
  other: number;
  machine: number;
  /** Share of the time this process's one event loop was busy: near 1, that thread is the limit. */
  eventLoopUtilization: number;
}

/** Linux's USER_HZ: /proc reports process times in hundredths of a second. */
const ticksPerSecond = 100;

export async function sampleCpu(admin: Client): Promise<CpuSample> {
  const postgresMs = await postgresCpuMs(admin);
  const { user, system } = process.cpuUsage();
  return { ...machineCpu(), processMicros: user + system, postgresMs, eventLoop: performance.eventLoopUtilization() };
}

export function cpuSplit(start: CpuSample, end: CpuSample): CpuSplit {
  const cores = cpus().length;
  const perCoreMs = (end.machineTotalMs - start.machineTotalMs) / cores;
  const machine = (end.machineBusyMs - start.machineBusyMs) / perCoreMs;
  const process = (end.processMicros - start.processMicros) / 1000 / perCoreMs;
  const postgres = (end.postgresMs - start.postgresMs) / perCoreMs;
  const eventLoopUtilization = performance.eventLoopUtilization(end.eventLoop, start.eventLoop).utilization;
  return { process, postgres, other: Math.max(0, machine - process - postgres), machine, eventLoopUtilization };
}

export function machineCpu(): Pick<CpuSample, 'machineBusyMs' | 'machineTotalMs'> {
  return cpus().reduce(
    (sum, { times }) => {
      const total = times.user + times.nice + times.sys + times.idle + times.irq;
      return { machineBusyMs: sum.machineBusyMs + total - times.idle, machineTotalMs: sum.machineTotalMs + total };
    },
    { machineBusyMs: 0, machineTotalMs: 0 },
  );
}

/** NaN where /proc cannot tell (not Linux, or PostgreSQL on another host). */
async function postgresCpuMs(admin: Client): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
  );
  const times = (await Promise.all(rows.map(({ pid }) => processTicks(pid)))).filter((ticks) => ticks !== undefined);
  if (times.length === 0) return Number.NaN;
  return (times.reduce((sum, ticks) => sum + ticks, 0) * 1000) / ticksPerSecond;
}

/** utime + stime of a process; undefined for one that has exited meanwhile, or without /proc. */
export async function processTicks(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // The command name in parentheses may hold spaces; the fields after it are plain numbers.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
