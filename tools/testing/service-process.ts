import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves once the service says it listens. */
  listening: Promise<void>;
  exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
}

/** One service in a process of its own, as `tools/start-service.ts` runs it in production. */
export function spawnService(name: 'leads' | 'reporting', env: Record<string, string>): ServiceProcess {
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(root, 'tools', 'start-service.ts'), name],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is ready')) resolve();
    });
    void exited.then((how) => reject(new Error(`${name} exited (${String(how)}): ${output}`)));
  });
  listening.catch(() => undefined);
  return { child, listening, exited, output: () => output };
}

/** Kills the process with SIGKILL (no shutdown hook runs, no group is left) and waits for it to be gone. */
export async function killHard(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  await service.exited;
}
