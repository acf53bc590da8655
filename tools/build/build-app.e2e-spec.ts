import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function freePort(): Promise<number> {
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

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function readiness(url: string, deadline: number): Promise<{ status: number; body: unknown }> {
  for (;;) {
    const answer = await fetch(url).catch(() => undefined);
    if (answer?.status === 200) return { status: 200, body: await answer.json() };
    if (Date.now() > deadline) return { status: answer?.status ?? 0, body: await answer?.text() };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A service as the image runs it: compiled by its Nx build (tools/build/build-app.mjs) and started with plain node,
 * no loader and no TypeScript, on the embedded SQLite store.
 */
describe('a service built to JavaScript', () => {
  // Inside the repository, so the build finds node_modules as dist/ does; tmp/ is kept out of git.
  const out = join(root, 'tmp', `build-app-${process.pid}`);
  let service: ChildProcess | undefined;

  afterAll(async () => {
    if (service !== undefined && service.exitCode === null && service.signalCode === null) {
      const exited = new Promise((resolve) => service?.once('exit', resolve));
      service.kill('SIGKILL');
      await exited;
    }
    rmSync(out, { recursive: true, force: true });
  });

  it('starts with `node <build folder>` and answers ready, requiring only compiled files', async () => {
    const build = spawnSync(process.execPath, ['tools/build/build-app.mjs', 'services/staffing', '--out-dir', out], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: build.status, stderr: build.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toEqual({
      private: true,
      main: 'services/staffing/src/main.js',
    });
    const files = filesUnder(out);
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
    const aliased = files.filter((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('"@salesos/'));
    expect(aliased).toEqual([]);

    const port = await freePort();
    // A clean environment: nothing like NODE_OPTIONS=-r ./tools/register.cjs may compile anything on the way.
    service = spawn(process.execPath, [out], {
      cwd: out,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        SALESOS_DATA_DIR: join(out, 'data'),
        SALESOS_TRANSPORT: 'kafka',
        // No broker there: the relay stands by and readiness says degraded, still 200.
        KAFKA_BROKERS: '127.0.0.1:1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    service.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const ready = await readiness(`http://127.0.0.1:${port}/health/ready`, Date.now() + 60_000);
    expect({ status: ready.status, output }).toEqual({ status: 200, output: expect.stringContaining('is ready') });
    expect(ready.body).toMatchObject({
      ready: true,
      dependencies: expect.arrayContaining([{ name: 'event store', up: true }]),
    });
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(live.status).toBe(200);
  }, 180_000);
});
