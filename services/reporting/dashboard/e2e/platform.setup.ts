import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const logFile = join(root, 'tmp', 'dashboard', 'platform.log');
/** Seeding the demo company and starting take about a minute on the 2-core machine; more when it is busy. */
const readyWithinMs = 240_000;

/** A port no one listens on, from the operating system (port 0), free again once this returns. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The platform's own settings only: none of the caller's SALESOS_ or Kafka variables reach it. */
function platformEnvironment(dataDir: string, port: number): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('SALESOS_') && !name.startsWith('KAFKA_') && name !== 'PORT') environment[name] = value;
  }
  return { ...environment, SALESOS_DATA_DIR: dataDir, PORT: String(port), SALESOS_DEMO_DATA: 'on' };
}

async function waitUntilReady(baseUrl: string, platform: ChildProcess): Promise<void> {
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (platform.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet: it is still seeding the demo company.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
  throw new Error(`The platform did not become ready at ${baseUrl} (log in ${logFile}):\n${log}`);
}

/** `npm start` on a fresh data folder and a free port; the returned function stops it and removes the folder. */
export default async function startPlatform(): Promise<() => Promise<void>> {
  mkdirSync(join(root, 'tmp', 'dashboard'), { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'salesos-dashboard-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const platform = spawn(process.execPath, [join(root, 'tools', 'start.mjs')], {
    cwd: root,
    env: platformEnvironment(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  platform.stdout?.pipe(log);
  platform.stderr?.pipe(log);
  const stop = async (): Promise<void> => {
    if (platform.exitCode === null) {
      const exited = new Promise((resolve) => platform.once('exit', resolve));
      platform.kill('SIGTERM');
      const killer = setTimeout(() => platform.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, platform);
  } catch (error) {
    await stop();
    throw error;
  }
  process.env.SALESOS_DASHBOARD_URL = baseUrl;
  return stop;
}
