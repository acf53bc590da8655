import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** The Kafka release this project runs and tests against (see the README's section for downstream consumers). */
export const kafkaVersion = '4.4.0';

const here = __dirname;
const cache = join(here, '.cache');
const libs = join(cache, `libs-${kafkaVersion}`);
const runDir = join(cache, 'run');
const dataDir = join(runDir, 'data');
const pidFile = join(runDir, 'broker.pid');
export const brokerLogFile = join(runDir, 'broker.log');

export interface BrokerAddress {
  host: string;
  port: number;
}

export const defaultBroker: BrokerAddress = { host: '127.0.0.1', port: 9092 };
const controllerPort = 9093;

function log(message: string): void {
  process.stderr.write(`[kafka] ${message}\n`);
}

export function acceptsConnections({ host, port }: BrokerAddress = defaultBroker, timeoutMs = 1000): Promise<boolean> {
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

function serverProperties(): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${defaultBroker.port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${defaultBroker.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    // One node: every internal topic must live with a single replica.
    'offsets.topic.replication.factor=1',
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

function java(args: string[], options: { detached?: boolean; logFile?: string } = {}): ReturnType<typeof spawn> {
  const logFd = options.logFile ? openSync(options.logFile, 'a') : 'inherit';
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
    { detached: options.detached ?? false, stdio: ['ignore', logFd, logFd] },
  );
}

function runJava(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = java(args, { logFile: brokerLogFile });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`java ${args[0]} exited with ${code}; see ${brokerLogFile}`)),
    );
  });
}

/** A single-node KRaft broker, formatted on first use. */
async function formatStorage(): Promise<void> {
  writeFileSync(join(runDir, 'server.properties'), serverProperties());
  if (existsSync(join(dataDir, 'meta.properties'))) return;
  log('formatting KRaft storage (single node, standalone controller)');
  await runJava([
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    'c2FsZXNvcy1rYWZrYS0xAA',
    '--config',
    join(runDir, 'server.properties'),
    '--standalone',
    '--ignore-formatted',
  ]);
}

function brokerPid(): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Returns once the broker on 127.0.0.1:9092 accepts connections, at once if one already does. */
export async function startBroker(options: { timeoutMs?: number } = {}): Promise<void> {
  if (await acceptsConnections()) {
    log(`a broker already accepts connections on ${defaultBroker.host}:${defaultBroker.port}`);
    return;
  }
  assembleBroker();
  mkdirSync(dataDir, { recursive: true });
  await formatStorage();
  log(
    `starting Apache Kafka ${kafkaVersion} (KRaft, one node) on ${defaultBroker.host}:${defaultBroker.port}; log: ${brokerLogFile}`,
  );
  const child = java(['kafka.Kafka', join(runDir, 'server.properties')], { detached: true, logFile: brokerLogFile });
  writeFileSync(pidFile, String(child.pid));
  child.unref();
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (await acceptsConnections()) {
      log('broker accepts connections');
      return;
    }
    if (brokerPid() === undefined) throw new Error(`The Kafka broker exited during start; see ${brokerLogFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The Kafka broker did not accept connections within the timeout; see ${brokerLogFile}`);
}

/** Stops the broker this script started: a clean shutdown, then a kill if it hangs. */
export async function stopBroker(options: { timeoutMs?: number } = {}): Promise<void> {
  const pid = brokerPid();
  if (pid === undefined) {
    log('no broker started by this script is running');
    return;
  }
  log(`stopping broker (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (brokerPid() !== undefined) {
    if (Date.now() > deadline) {
      log('broker did not stop in time: killing it');
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  while (await acceptsConnections()) await new Promise((resolve) => setTimeout(resolve, 100));
  rmSync(pidFile, { force: true });
  log('broker stopped');
}
