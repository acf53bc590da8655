/**
 * The fault run shared by the fault suite (`tools/fault-suite.int-spec.ts`) and its benchmark (`npm run
 * bench:faults`): leads and reporting each in a process of its own on PostgreSQL and a Kafka broker of the run's
 * own, commands flowing through the leads API at a steady rate, `kill -9` of a service at random points (each
 * restarted at once, as Kubernetes does) and the broker stopped and started again; then the audit of what the
 * platform ended with.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { EmbeddedAuth } from '@salesos/auth';
import { leadTopic, opportunityTopic } from '@salesos/contracts';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { KafkaTransport, silentLogger, StoredTopicHistory, type TopicHistoryReader } from '@salesos/messaging';
import { leadsPublishedSource } from '../../services/leads/src';
import {
  createProjectionRebuilder,
  dumpTables,
  openReportingDatabase,
  reportingProjections,
} from '../../services/reporting/src';
import { freeLocalPorts, KafkaBroker } from '../../deploy/kafka/kafka-broker';
import { type CommandRecord, FaultClient, seededRandom } from './fault-client';
import { killHard, type ServiceProcess, spawnService } from './service-process';

export type ServiceName = 'leads' | 'reporting';

export interface FaultRunOptions {
  seed: number;
  /** How long commands are sent. */
  loadSeconds: number;
  commandsPerSecond: number;
  /** Seconds between kills: each gap drawn between the two bounds (equal bounds: a fixed period). */
  killEverySeconds: readonly [number, number];
  /** Kill the two services in turn, or pick each victim at random. */
  alternate: boolean;
  /**
   * Kill only a process that is serving (ready), the gap counted from when it was; the load goes on until
   * `minKills` were made. Without it, kills keep their times, and a process still starting is killed as it is.
   */
  killOnlyWhenReady?: { minKills: number };
  /** When the broker is stopped (seconds into the load) and how long it stays down. */
  brokerOutage: { atSecond: number; seconds: number };
  log: (message: string) => void;
  /** Seconds between progress lines (0: none). */
  progressEverySeconds?: number;
}

export interface Kill {
  service: ServiceName;
  atSecond: number;
  /** From the restart to the first 200 of /health/ready; none when the process was killed again before. */
  readyMs?: number;
  /** CPU the restarted process used until then: on a busy machine, the wait is mostly for a CPU. */
  cpuMs?: number;
  /** For a process killed again before it was ready: how long it had been starting. */
  startingMs?: number;
}

export interface FaultRunReport {
  seed: number;
  commandsSent: number;
  commandsAccepted: number;
  /** Commands whose final answer was not 2xx (or none), with what they got. */
  commandsRefused: CommandRecord[];
  retries: number;
  kills: Kill[];
  brokerOutage: { stoppedAtSecond: number; backAtSecond: number; downSeconds: number };
  /** From the broker accepting connections again until everything stored before was in the read models. */
  convergenceSecondsAfterBrokerBack: number;
  /** Commands answered 2xx whose events are not in the store, or stored events not on the topics. */
  eventsLost: number;
  /** A command's events stored more than once. */
  eventsDoubled: number;
  /** Records the relay published more than once (allowed: delivery is at least once; the inbox drops them). */
  recordsRepublished: number;
  readModelRowsDifferingFromRebuild: number;
  readModelRows: number;
  unassignedCaptures: number;
  deadLetters: number;
  parkedEvents: number;
  consumerLagAtEnd: number;
  relayLagAtEnd: number;
  /** Up to 10 examples of each problem found, to say what went wrong. */
  findings: string[];
}

const division = 'faults';
const repIds = ['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5', 'rep-6'];

interface Readiness {
  status: 'up' | 'degraded' | 'down';
  reasons?: string[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The percentile of some numbers, nearest rank. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] as number;
}

/** The restart times that count towards a percentile: a process killed while starting counts as long as it had. */
export function restartTimes(kills: readonly Kill[]): number[] {
  return kills.flatMap((kill) => kill.readyMs ?? kill.startingMs ?? []);
}

/** The services, their databases and the broker of one run; everything it started, it stops. */
class FaultWorld {
  static current: FaultWorld | undefined;
  readonly services = new Map<ServiceName, ServiceProcess>();
  readonly base: Record<ServiceName, string>;
  private readonly restarting = new Set<Promise<void>>();
  private readonly ready = new Map<ServiceName, Promise<void>>();

  private constructor(
    readonly broker: KafkaBroker,
    readonly events: TestDatabase,
    readonly readModels: TestDatabase,
    readonly keyDir: string,
    private readonly env: Record<ServiceName, Record<string, string>>,
    ports: readonly [number, number],
  ) {
    this.base = { leads: `http://127.0.0.1:${ports[0]}`, reporting: `http://127.0.0.1:${ports[1]}` };
  }

  static async open(log: (message: string) => void): Promise<FaultWorld> {
    const runDir = mkdtempSync(join(tmpdir(), 'salesos-faults-'));
    // A broker of the run's own, on ports the OS says are free: stopping it disturbs nobody else, and it refuses to
    // adopt a server it did not start should one take its port meanwhile.
    const broker = await KafkaBroker.onFreePorts(join(runDir, 'kafka'));
    log(`starting a Kafka broker of the run's own on ${broker.bootstrap}`);
    // Should the run itself be killed, what it started goes with it.
    process.once('exit', () => {
      for (const pidFile of [join(runDir, 'kafka', 'broker.pid')]) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
        } catch {
          // Not running.
        }
      }
      for (const service of FaultWorld.current?.services.values() ?? []) service.child.kill('SIGKILL');
    });
    await broker.start();
    const events = await createTestDatabase('faultsuite_events');
    const readModels = await createTestDatabase('faultsuite_reports');
    const ports = (await freeLocalPorts(2)) as [number, number];
    const shared = {
      SALESOS_EVENT_STORE: 'postgres',
      SALESOS_DATABASE_URL: events.url,
      SALESOS_TRANSPORT: 'kafka',
      KAFKA_BROKERS: broker.bootstrap,
      SALESOS_DATA_DIR: runDir,
      SALESOS_DEMO_DATA: 'off',
    };
    return (FaultWorld.current = new FaultWorld(
      broker,
      events,
      readModels,
      runDir,
      {
        leads: { ...shared, PORT: String(ports[0]) },
        reporting: { ...shared, PORT: String(ports[1]), SALESOS_READ_MODELS_URL: readModels.url },
      },
      ports,
    ));
  }

  headers(userId: string, roles: string[], divisions: string[] = []): Record<string, string> {
    const token = EmbeddedAuth.ofDataDir(this.keyDir).issue(
      { userId, roles: roles as never, ...(divisions.length > 0 ? { divisions } : {}) },
      { lifetimeSeconds: 24 * 3600 },
    );
    return { authorization: `Bearer ${token}` };
  }

  async startAll(): Promise<void> {
    for (const name of ['leads', 'reporting'] as const) this.services.set(name, spawnService(name, this.env[name]));
    await Promise.all([...this.services.values()].map((service) => service.listening));
  }

  /**
   * `kill -9` of whatever process runs the service now (one still starting too), an immediate restart, and the
   * milliseconds until the new process answers readiness 200 with the CPU it used until then (undefined when it was
   * killed again first).
   */
  async killAndRestart(name: ServiceName): Promise<{ readyMs?: number; cpuMs?: number; startingMs?: number }> {
    const victim = this.services.get(name) as ServiceProcess;
    let replaced = (): void => undefined;
    this.ready.set(name, new Promise<void>((resolve) => (replaced = resolve)));
    await killHard(victim);
    const restarted = spawnService(name, this.env[name]);
    this.services.set(name, restarted);
    const started = performance.now();
    const ready = (async () => {
      while (this.services.get(name) === restarted) {
        if (restarted.child.exitCode !== null && restarted.child.signalCode === null) {
          throw new Error(`${name} exited after its restart: ${restarted.output()}`);
        }
        const answer = await fetch(`${this.base[name]}/health/ready`, { signal: AbortSignal.timeout(2000) }).catch(
          () => undefined,
        );
        if (answer?.status === 200 && this.services.get(name) === restarted) {
          return { readyMs: Math.round(performance.now() - started), cpuMs: cpuMsOf(restarted.child.pid) };
        }
        await sleep(50);
      }
      return { startingMs: Math.round(performance.now() - started) };
    })();
    this.restarting.add(
      ready.then(
        () => undefined,
        () => undefined,
      ),
    );
    void ready.then(replaced, replaced);
    this.ready.set(
      name,
      ready.then(() => undefined),
    );
    return ready;
  }

  /** Resolves once the service's current process answered readiness 200 (at once for the first processes). */
  whenReady(name: ServiceName): Promise<void> {
    return this.ready.get(name) ?? Promise.resolve();
  }

  async readiness(name: ServiceName): Promise<Readiness | undefined> {
    const answer = await fetch(`${this.base[name]}/health/ready`, { signal: AbortSignal.timeout(5000) }).catch(
      () => undefined,
    );
    return answer === undefined ? undefined : ((await answer.json()) as Readiness);
  }

  /** A gauge of a service's metrics, summed over its labels; NaN when it does not answer. */
  async metric(name: ServiceName, gauge: string): Promise<number> {
    const answer = await fetch(`${this.base[name]}/metrics`, {
      headers: this.headers('monitor', ['admin']),
      signal: AbortSignal.timeout(5000),
    }).catch(() => undefined);
    if (answer?.status !== 200) return Number.NaN;
    const text = await answer.text();
    const values = [...text.matchAll(new RegExp(`^${gauge}\\{[^}]*\\} (\\S+)$`, 'gm'))].map((match) =>
      Number(match[1]),
    );
    return values.reduce((sum, value) => sum + value, 0);
  }

  async close(): Promise<void> {
    const services = [...this.services.values()];
    this.services.clear();
    await Promise.all([...this.restarting]);
    for (const service of services) await killHard(service);
    await this.broker.destroy().catch(() => undefined);
    await this.events.drop().catch(() => undefined);
    await this.readModels.drop().catch(() => undefined);
    rmSync(this.keyDir, { recursive: true, force: true });
  }
}

/** CPU time a process has used (user and system), from /proc; undefined where there is none. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function query<T>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

async function readAllEvents(reader: TopicHistoryReader): Promise<string[]> {
  const ids: string[] = [];
  try {
    for (;;) {
      const page = await reader.next(1000);
      ids.push(...page.events.map((event) => event.id));
      if (page.isEnd) return ids;
    }
  } finally {
    await reader.close();
  }
}

/** Sets up the division, its reps, a team and a rule that routes every lead to it, and answers the loss reasons. */
async function organise(world: FaultWorld): Promise<string[]> {
  const send = async (method: string, path: string, headers: Record<string, string>, body: unknown) => {
    const answer = await fetch(`${world.base.leads}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  await send('PUT', `/divisions/${division}`, world.headers('admin-1', ['admin']), {
    name: 'Faults',
    repIds,
    teams: [{ teamId: 'team-1', name: 'Inside sales', repIds }],
  });
  const manager = world.headers('manager-1', ['division-manager'], [division]);
  await send('PUT', '/assignment-rules', manager, {
    rules: [{ kind: 'round-robin', ruleId: 'everyone', teamId: 'team-1', repIds }],
  });
  const pipelines = await send('GET', '/pipelines', manager, undefined);
  const reasons = (pipelines.lossReasons as Array<{ reasonId?: string } | string> | undefined) ?? [];
  return reasons.map((reason) => (typeof reason === 'string' ? reason : String(reason.reasonId)));
}

/**
 * Runs the load with its faults, waits for the platform to settle, and audits it: every accepted command stored
 * once, every stored event published, the read models equal to a rebuild from the topics, nothing dead-lettered or
 * parked, no lag, every captured lead owned.
 */
export async function runFaults(options: FaultRunOptions): Promise<FaultRunReport> {
  const { log } = options;
  log(`fault run seed ${options.seed} (replay with FAULT_SEED=${options.seed})`);
  const world = await FaultWorld.open(log);
  try {
    return await runIn(world, options);
  } finally {
    await world.close();
  }
}

async function runIn(world: FaultWorld, options: FaultRunOptions): Promise<FaultRunReport> {
  const { log } = options;
  await world.startAll();
  const lossReasons = await organise(world);
  if (lossReasons.length === 0) throw new Error('the division has no loss reasons');
  const client = new FaultClient({
    baseUrl: world.base.leads,
    headers: { ...world.headers('manager-1', ['division-manager'], [division]), 'x-division-id': division },
    runId: `run${options.seed.toString(36)}`,
    random: seededRandom(options.seed),
    repIds,
    lossReasons,
  });
  const kills: Kill[] = [];
  const schedule = seededRandom(options.seed ^ 0x5eed);
  const [shortest, longest] = options.killEverySeconds;
  const gap = (): number => shortest + schedule() * (longest - shortest);
  let victim: ServiceName = schedule() < 0.5 ? 'leads' : 'reporting';
  const nextVictim = (): ServiceName =>
    (victim = options.alternate
      ? victim === 'leads'
        ? 'reporting'
        : 'leads'
      : schedule() < 0.5
        ? 'leads'
        : 'reporting');
  const minKills = options.killOnlyWhenReady?.minKills ?? 0;
  log(
    `load: ${options.commandsPerSecond} commands/s for ${options.loadSeconds} s` +
      (minKills > 0 ? ` (longer until ${minKills} kills were made)` : '') +
      `; a kill -9 every ${shortest === longest ? shortest : `${shortest} to ${longest}`} s` +
      `${options.killOnlyWhenReady === undefined ? '' : ' of a ready process'}, ` +
      `${options.alternate ? 'services in turn' : 'service at random'}; broker down at ` +
      `${options.brokerOutage.atSecond} s for ${options.brokerOutage.seconds} s`,
  );

  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let sent = 0;
  const load = (async () => {
    while (elapsed() < options.loadSeconds || kills.length < minKills) {
      const due = Math.floor(elapsed() * options.commandsPerSecond);
      // Commands that wait for a process to come back pile up; the client holds at most 2,000 at once.
      while (sent < due && client.commandsInFlight < 2000) {
        client.send();
        sent += 1;
      }
      await sleep(10);
    }
  })();

  const restarts: Array<Promise<void>> = [];
  const killer = (async () => {
    let at = gap();
    victim = nextVictim();
    for (;;) {
      const service = victim;
      if (options.killOnlyWhenReady === undefined) {
        if (at >= options.loadSeconds) break;
        await sleep(Math.max(0, at - elapsed()) * 1000);
      } else {
        if (elapsed() >= options.loadSeconds && kills.length >= minKills) break;
        // Up for the gap drawn, counted from when it was ready.
        await world.whenReady(service);
        await sleep(gap() * 1000);
      }
      const kill: Kill = { service, atSecond: Math.round(elapsed() * 10) / 10 };
      kills.push(kill);
      restarts.push(
        world.killAndRestart(service).then((restart) => {
          Object.assign(kill, restart);
          log(
            `${elapsed().toFixed(1)} s: ${service} killed at ${kill.atSecond} s ` +
              (restart.readyMs === undefined
                ? `was killed again while starting (${restart.startingMs} ms)`
                : `was ready again after ${restart.readyMs} ms (${restart.cpuMs ?? '?'} ms of CPU)`),
          );
        }),
      );
      victim = nextVictim();
      at += gap();
    }
    await Promise.all(restarts);
  })();

  const outage = { stoppedAtSecond: 0, backAtSecond: 0, downSeconds: 0 };
  let convergence = Number.NaN;
  const brokerFaults = (async () => {
    await sleep(Math.max(0, options.brokerOutage.atSecond - elapsed()) * 1000);
    outage.stoppedAtSecond = Math.round(elapsed() * 10) / 10;
    log(`${elapsed().toFixed(1)} s: stopping the broker`);
    await world.broker.stop();
    await sleep(Math.max(0, outage.stoppedAtSecond + options.brokerOutage.seconds - elapsed()) * 1000);
    log(`${elapsed().toFixed(1)} s: starting the broker again`);
    await world.broker.start();
    outage.backAtSecond = Math.round(elapsed() * 10) / 10;
    outage.downSeconds = Math.round((outage.backAtSecond - outage.stoppedAtSecond) * 10) / 10;
    const back = performance.now();
    log(`${elapsed().toFixed(1)} s: the broker accepts connections again`);
    convergence = await convergedAfter(world, back);
    log(`${elapsed().toFixed(1)} s: everything stored before the broker came back is reported (${convergence} s)`);
  })();

  const progress = setInterval(
    () => {
      const accepted = client.records.filter((record) => record.status >= 200 && record.status < 300).length;
      log(
        `${elapsed().toFixed(0)} s: ${sent} commands sent, ${accepted} accepted, ${client.commandsInFlight} in flight, ` +
          `${kills.length} kills; last retried after: ${client.lastRetryReason ?? 'none'}`,
      );
    },
    (options.progressEverySeconds ?? 10) * 1000,
  );
  try {
    await Promise.all([load, killer, brokerFaults]);
    await client.settled();
  } finally {
    clearInterval(progress);
  }
  log(`${elapsed().toFixed(1)} s: every command answered; waiting for the platform to settle`);
  const { consumerLag, relayLag } = await settle(world, log);
  log(`${elapsed().toFixed(1)} s: settled; auditing`);
  const report = await audit(world, client.records, options);
  return {
    ...report,
    seed: options.seed,
    commandsSent: sent,
    retries: client.records.reduce((sum, record) => sum + record.attempts - 1, 0),
    kills,
    brokerOutage: outage,
    convergenceSecondsAfterBrokerBack: convergence,
    consumerLagAtEnd: consumerLag,
    relayLagAtEnd: relayLag,
  };
}

/**
 * Seconds from `back` until every lead and deal stored by then is in the reporting read models (polled every
 * 100 ms, 15 minutes at most: while kills keep a service from serving, it waits for them to end).
 */
async function convergedAfter(world: FaultWorld, back: number): Promise<number> {
  const stored = await query<{ stream_id: string }>(
    world.events.url,
    `SELECT DISTINCT stream_id FROM event_store.events WHERE category IN ('lead', 'opportunity')`,
  );
  const leadIds = stored.filter((row) => row.stream_id.startsWith('lead-')).map((row) => row.stream_id.slice(5));
  const dealIds = stored
    .filter((row) => row.stream_id.startsWith('opportunity-'))
    .map((row) => row.stream_id.slice(12));
  const client = new Client({ connectionString: world.readModels.url });
  await client.connect();
  try {
    while (performance.now() - back < 900_000) {
      const leads = await client.query<{ n: string }>('SELECT count(*) AS n FROM rpt_lead WHERE lead_id = ANY($1)', [
        leadIds,
      ]);
      const deals = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM rpt_opportunity WHERE opportunity_id = ANY($1)',
        [dealIds],
      );
      if (Number(leads.rows[0]?.n) === leadIds.length && Number(deals.rows[0]?.n) === dealIds.length) {
        return Math.round((performance.now() - back) / 100) / 10;
      }
      await sleep(100);
    }
    return Number.POSITIVE_INFINITY;
  } finally {
    await client.end();
  }
}

/** Waits (two minutes at most) until both services are up and the relay and every consumer have no lag. */
async function settle(
  world: FaultWorld,
  log: (message: string) => void,
): Promise<{ consumerLag: number; relayLag: number }> {
  const deadline = performance.now() + 120_000;
  let last = { consumerLag: Number.NaN, relayLag: Number.NaN };
  for (;;) {
    const [leads, reporting] = await Promise.all([world.readiness('leads'), world.readiness('reporting')]);
    const consumerLag =
      (await world.metric('leads', 'salesos_consumer_lag')) + (await world.metric('reporting', 'salesos_consumer_lag'));
    const relayLag = await world.metric('leads', 'salesos_relay_lag');
    last = { consumerLag, relayLag };
    if (leads?.status === 'up' && reporting?.status === 'up' && consumerLag === 0 && relayLag === 0) return last;
    if (performance.now() > deadline) {
      log(
        `not settled after 120 s: leads ${JSON.stringify(leads)}, reporting ${JSON.stringify(reporting)}, ` +
          `consumer lag ${consumerLag}, relay lag ${relayLag}`,
      );
      return last;
    }
    await sleep(500);
  }
}

async function audit(
  world: FaultWorld,
  records: readonly CommandRecord[],
  options: FaultRunOptions,
): Promise<
  Omit<
    FaultRunReport,
    | 'seed'
    | 'commandsSent'
    | 'retries'
    | 'kills'
    | 'brokerOutage'
    | 'convergenceSecondsAfterBrokerBack'
    | 'consumerLagAtEnd'
    | 'relayLagAtEnd'
  >
> {
  const findings: string[] = [];
  const note = (kind: string, examples: readonly string[]): void => {
    if (examples.length > 0) findings.push(`${kind} (${examples.length}): ${examples.slice(0, 10).join('; ')}`);
  };
  const accepted = records.filter((record) => record.status >= 200 && record.status < 300);
  const refused = records.filter((record) => !(record.status >= 200 && record.status < 300));

  // 1. Every command answered 2xx is in the store, once: its events carry its key in their command id.
  const stored = await query<{ key: string; type: string; n: string; streams: string }>(
    world.events.url,
    `SELECT regexp_replace(metadata->>'commandId', '^.*:', '') AS key, type, count(*) AS n,
            count(DISTINCT stream_id) AS streams
       FROM event_store.events WHERE metadata->>'commandId' IS NOT NULL GROUP BY 1, 2`,
  );
  const byKey = new Map<string, Array<{ type: string; n: number }>>();
  for (const row of stored) {
    const list = byKey.get(row.key) ?? [];
    list.push({ type: row.type, n: Number(row.n) });
    byKey.set(row.key, list);
  }
  const lostCommands = accepted.filter((record) => !byKey.has(record.key));
  note(
    'commands answered 2xx with nothing stored',
    lostCommands.map((record) => `${record.kind} ${record.path} key ${record.key}`),
  );
  const doubled = stored.filter((row) => Number(row.n) > 1);
  note(
    'events of one command stored more than once',
    doubled.map((row) => `${row.type} x${row.n} key ${row.key}`),
  );
  const eventsDoubled = doubled.reduce((sum, row) => sum + Number(row.n) - 1, 0);

  // 2. Every stored event the relay publishes is on its topic (as the producer's own mapping derives it again).
  const store = await PostgresEventStore.connect({ url: world.events.url, poolSize: 2, migrate: false });
  const transport = new KafkaTransport({ brokers: [world.broker.bootstrap], clientId: 'salesos-fault-audit' });
  const topics = [leadTopic.name, opportunityTopic.name];
  let expectedIds: string[];
  let publishedIds: string[];
  try {
    expectedIds = await readAllEvents(new StoredTopicHistory(store, leadsPublishedSource(), topics));
    publishedIds = await readAllEvents(transport.history(topics));
  } finally {
    await store.close();
  }
  const published = new Map<string, number>();
  for (const id of publishedIds) published.set(id, (published.get(id) ?? 0) + 1);
  const unpublished = expectedIds.filter((id) => !published.has(id));
  note('stored events not on their topic', unpublished);
  const recordsRepublished = [...published.values()].reduce((sum, n) => sum + n - 1, 0);

  // 3. The read models equal a rebuild from the topics, made by the project's rebuilder in a database of its own.
  const rebuilt = await createTestDatabase('faultsuite_rebuild');
  const live = await openReportingDatabase({ kind: 'postgres', url: world.readModels.url });
  const fresh = await openReportingDatabase({ kind: 'postgres', url: rebuilt.url });
  let differing = 0;
  let readModelRows = 0;
  try {
    const rebuilder = createProjectionRebuilder({
      dataSource: fresh,
      history: (names) => transport.history(names),
      logger: silentLogger,
    });
    const final = await rebuilder.start('all').done;
    if (final.status !== 'done') throw new Error(`the rebuild failed: ${final.error ?? 'unknown error'}`);
    const [liveTables, rebuiltTables] = [
      await dumpTables(live, reportingProjections),
      await dumpTables(fresh, reportingProjections),
    ];
    for (const [table, rows] of Object.entries(liveTables)) {
      const expected = new Map<string, number>();
      for (const row of rebuiltTables[table] ?? []) {
        const key = JSON.stringify(row);
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      readModelRows += rows.length;
      const extra: string[] = [];
      for (const row of rows) {
        const key = JSON.stringify(row);
        const left = expected.get(key) ?? 0;
        if (left > 0) expected.set(key, left - 1);
        else extra.push(key);
      }
      const missing = [...expected.entries()].flatMap(([key, n]) => Array<string>(n).fill(key));
      differing += extra.length + missing.length;
      note(`${table}: live rows the rebuild does not have`, extra);
      note(`${table}: rebuilt rows the live table does not have`, missing);
    }
  } finally {
    await live.destroy();
    await fresh.destroy();
    await rebuilt.drop();
  }

  // 4. Nothing dead-lettered or parked.
  const kafka = new Kafka({
    brokers: [world.broker.bootstrap],
    clientId: 'salesos-fault-audit',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  let deadLetters = 0;
  await admin.connect();
  try {
    for (const topic of (await admin.listTopics()).filter((name) => name.startsWith('salesos.dlq.'))) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const count = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
      if (count > 0) note(`dead letters on ${topic}`, [`${count} records`]);
      deadLetters += count;
    }
  } finally {
    await admin.disconnect();
    await transport.close();
  }
  const parked = await query<{ n: string }>(world.events.url, 'SELECT count(*) AS n FROM projection_parked_event');
  const parkedEvents = Number(parked[0]?.n ?? 0);
  if (parkedEvents > 0) note('parked stored events', [`${parkedEvents}`]);

  // 5. Every captured lead has an owner: in the store, and in the reports.
  const unowned = await query<{ stream_id: string }>(
    world.events.url,
    `SELECT stream_id FROM event_store.events WHERE category = 'lead' GROUP BY stream_id
      HAVING bool_or(type = 'LeadCaptured') AND NOT bool_or(type = 'LeadAssigned')`,
  );
  const unownedRows = await query<{ lead_id: string }>(
    world.readModels.url,
    'SELECT lead_id FROM rpt_lead WHERE owner_rep_id IS NULL',
  );
  note(
    'captured leads without an owner in the store',
    unowned.map((row) => row.stream_id),
  );
  note(
    'leads without an owner in the reports',
    unownedRows.map((row) => row.lead_id),
  );
  note(
    'commands without a 2xx answer',
    refused.map((record) => `${record.kind} ${record.path}: ${record.status} ${record.answer ?? ''}`),
  );
  void options;
  return {
    commandsAccepted: accepted.length,
    commandsRefused: refused,
    eventsLost: lostCommands.length + unpublished.length,
    eventsDoubled,
    recordsRepublished,
    readModelRowsDifferingFromRebuild: differing,
    readModelRows,
    unassignedCaptures: new Set([
      ...unowned.map((row) => row.stream_id.slice(5)),
      ...unownedRows.map((row) => row.lead_id),
    ]).size,
    deadLetters,
    parkedEvents,
    findings,
  };
}
