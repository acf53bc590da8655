import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { LoopbackHttp } from './leads-http';
import { sleep } from './messaging-timing';
import { benchBearer } from './bench-auth';

const root = join(__dirname, '..', '..');
type ServiceName = 'leads' | 'reporting' | 'channels';
/** Enough of a service's output to say why it failed. */
const keptOutputChars = 4000;

/** One SalesOS service in a process of its own, started as Kubernetes runs it: tools/start-service.ts. */
export class ServiceProcess {
  readonly http: LoopbackHttp;
  private output = '';
  private exit: string | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly child: ChildProcess,
    maxSockets: number,
  ) {
    this.http = new LoopbackHttp(port, maxSockets);
    // Read all along: a service that fills its stdout pipe would block on its next log line.
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-keptOutputChars);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exit = `exited with ${signal ?? code}`;
        resolve();
      }),
    );
  }

  /**
   * Spawns at once, so the caller holds the process to stop even if it never becomes ready. `maxSockets` bounds
   * the requests in flight: set it above what the load needs, or requests queue in this client, not the service.
   * `script` starts the service by its name (tools/start-service.ts unless another starter is given).
   */
  static spawn(
    name: ServiceName,
    port: number,
    env: Record<string, string>,
    maxSockets: number,
    script = join(root, 'tools', 'start-service.ts'),
  ): ServiceProcess {
    const child = spawn(process.execPath, ['-r', join(root, 'tools', 'register.cjs'), script, name], {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(name, port, child, maxSockets);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The most memory the process has held so far (VmHWM); undefined once it has exited, or without /proc. */
  async peakRssMb(): Promise<number | undefined> {
    const status = await readFile(`/proc/${this.pid ?? -1}/status`, 'utf8').catch(() => undefined);
    const kilobytes = status?.match(/^VmHWM:\s+(\d+) kB$/m)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
  }

  /** Why the service stopped before it was asked to, if it did. */
  failure(): string | undefined {
    return this.exit === undefined ? undefined : `${this.name} ${this.exit}: ${this.output}`;
  }

  /** Resolves once the relay and the consumers run (GET /health/ready answers 200). */
  async ready(timeoutMs = 90_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const failure = this.failure();
      if (failure !== undefined) throw new Error(failure);
      const answer = await this.http.get('/health/ready', {}).catch(() => undefined);
      if (answer?.status === 200) return;
      if (performance.now() > deadline) throw new Error(`${this.name} not ready after ${timeoutMs} ms: ${this.output}`);
      await sleep(200);
    }
  }

  /** A gauge from the service's Prometheus metrics, summed over its labels (the relay or consumer lag). */
  async metric(name: 'salesos_consumer_lag' | 'salesos_relay_lag'): Promise<number> {
    const answer = await this.http.get('/metrics', benchBearer({ userId: 'bench-monitor', roles: ['admin'] }));
    if (answer.status !== 200) throw new Error(`${this.name} /metrics: ${answer.status} ${answer.body}`);
    const values = [...answer.body.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, 'gm'))];
    return values.reduce((sum, match) => sum + Number(match[1]), 0);
  }

  /** A clean shutdown first, so the consumer leaves its group at once rather than after a session timeout. */
  async stop(graceMs = 10_000): Promise<void> {
    this.http.close();
    if (this.exit !== undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A port nobody listens on now; the service takes it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
