import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** The Kafka release this project runs and tests against (see the README's section for downstream consumers). */
export const kafkaVersion = '4.4.0';

const here = __dirname;
const cache = join(here, '.cache');
const libs = join(cache, `libs-${kafkaVersion}`);

export interface BrokerAddress {
  host: string;
  port: number;
}

export interface KafkaBrokerOptions {
  port: number;
  controllerPort: number;
  /** Folder for the broker's properties, data, pid and log. */
  runDir: string;
  /**
   * What `start` does when something already accepts connections on the port: use it (the default, for the shared
   * broker of `npm run kafka:start`), or refuse, for a test's own broker, which must be the one it later stops.
   */
  whenPortTaken?: 'adopt' | 'fail';
}

function log(message: string): void {
  process.stderr.write(`[kafka] ${message}\n`);
}

export function acceptsConnections({ host, port }: BrokerAddress, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Ports free on 127.0.0.1 now, each asked of the OS as port 0; all held until every one is known, so they differ. */
export async function freeLocalPorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Downloads the broker's jars from Maven Central once; later runs reuse them. */
export function assembleBroker(): void {
  if (existsSync(libs) && readdirSync(libs).some((file) => file.startsWith(`kafka_2.13-${kafkaVersion}`))) return;
  log(`assembling Apache Kafka ${kafkaVersion} from Maven Central into ${libs}`);
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(here, 'pom.xml'),
      `-Dkafka.version=${kafkaVersion}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${libs}`,
    ],
    { stdio: 'inherit' },
  );
}

/** A single-node KRaft broker (combined broker and controller) on 127.0.0.1, run as a detached Java process. */
export class KafkaBroker {
  readonly address: BrokerAddress;
  readonly logFile: string;
  private readonly dataDir: string;
  private readonly pidFile: string;
  private readonly propertiesFile: string;

  constructor(private readonly options: KafkaBrokerOptions) {
    this.address = { host: '127.0.0.1', port: options.port };
    this.dataDir = join(options.runDir, 'data');
    this.pidFile = join(options.runDir, 'broker.pid');
    this.logFile = join(options.runDir, 'broker.log');
    this.propertiesFile = join(options.runDir, 'server.properties');
  }

  get bootstrap(): string {
    return `${this.address.host}:${this.address.port}`;
  }

  /**
   * A broker of its own on ports the OS says are free, run from `runDir`: a test can stop it without disturbing any
   * other suite or server, and `start` refuses rather than adopt whatever took one of the ports meanwhile.
   */
  static async onFreePorts(runDir: string): Promise<KafkaBroker> {
    const [port, controllerPort] = (await freeLocalPorts(2)) as [number, number];
    return new KafkaBroker({ port, controllerPort, runDir, whenPortTaken: 'fail' });
  }

  /** Returns once the broker accepts connections, at once if one already does on its port (unless told to refuse). */
  async start(timeoutMs = 120_000): Promise<void> {
    if (await acceptsConnections(this.address)) {
      if (this.options.whenPortTaken === 'fail' && this.pid() === undefined) {
        throw new Error(`Something else accepts connections on ${this.bootstrap}; this broker will not adopt it`);
      }
      log(`a broker already accepts connections on ${this.bootstrap}`);
      return;
    }
    assembleBroker();
    mkdirSync(this.dataDir, { recursive: true });
    await this.formatStorage();
    log(`starting Apache Kafka ${kafkaVersion} (KRaft, one node) on ${this.bootstrap}; log: ${this.logFile}`);
    const child = this.java(['kafka.Kafka', this.propertiesFile], true);
    writeFileSync(this.pidFile, String(child.pid));
    child.unref();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await acceptsConnections(this.address)) {
        log(`broker on ${this.bootstrap} accepts connections`);
        return;
      }
      if (this.pid() === undefined) throw new Error(`The Kafka broker exited during start; see ${this.logFile}`);
      await sleep(250);
    }
    throw new Error(`The Kafka broker did not accept connections within ${timeoutMs} ms; see ${this.logFile}`);
  }

  /** A clean shutdown, then a kill if it hangs. */
  async stop(timeoutMs = 60_000): Promise<void> {
    const pid = this.pid();
    if (pid === undefined) {
      log(`no broker started by this script runs on ${this.bootstrap}`);
      return;
    }
    log(`stopping broker on ${this.bootstrap} (pid ${pid})`);
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (this.pid() !== undefined) {
      if (Date.now() > deadline) {
        log('broker did not stop in time: killing it');
        process.kill(pid, 'SIGKILL');
        break;
      }
      await sleep(200);
    }
    while (await acceptsConnections(this.address)) await sleep(100);
    rmSync(this.pidFile, { force: true });
    log(`broker on ${this.bootstrap} stopped`);
  }

  /** Stops the broker and deletes its data: for throwaway brokers of tests. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.options.runDir, { recursive: true, force: true });
  }

  private serverProperties(): string {
    const { port, controllerPort } = this.options;
    return [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      `log.dirs=${this.dataDir}`,
      'num.partitions=3',
      // One node: every internal topic must live with a single replica.
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=10',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'share.coordinator.state.topic.replication.factor=1',
      'share.coordinator.state.topic.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'log.retention.hours=168',
      '',
    ].join('\n');
  }

  private async formatStorage(): Promise<void> {
    writeFileSync(this.propertiesFile, this.serverProperties());
    if (existsSync(join(this.dataDir, 'meta.properties'))) return;
    log('formatting KRaft storage (single node, standalone controller)');
    await new Promise<void>((resolve, reject) => {
      const child = this.java(
        [
          'kafka.tools.StorageTool',
          'format',
          '--cluster-id',
          'c2FsZXNvcy1rYWZrYS0xAA',
          '--config',
          this.propertiesFile,
          '--standalone',
          '--ignore-formatted',
        ],
        false,
      );
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`StorageTool format exited with ${code}; see ${this.logFile}`)),
      );
    });
  }

  private java(args: string[], detached: boolean): ReturnType<typeof spawn> {
    const logFd = openSync(this.logFile, 'a');
    return spawn(
      'java',
      [
        '-Xms256m',
        '-Xmx1g',
        '-XX:+UseG1GC',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${join(here, 'log4j2.properties')}`,
        '-cp',
        `${libs}/*`,
        ...args,
      ],
      { detached, stdio: ['ignore', logFd, logFd] },
    );
  }

  private pid(): number | undefined {
    if (!existsSync(this.pidFile)) return undefined;
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      return undefined;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The broker of `npm run kafka:start`, tests and benchmarks: 127.0.0.1:9092. */
export const defaultBroker = new KafkaBroker({ port: 9092, controllerPort: 9093, runDir: join(cache, 'run') });
