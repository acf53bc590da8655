import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { OpenLoopShape } from './leads-latency';
import type { LoadAnswer, LoadRequest } from './leads-load-generator';
import { benchKeyDir } from './bench-auth';

/** The parent's handle on the load generator's child process: one request at a time, answered over IPC. */
export class LoadProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(port: number, clients: number): LoadProcess {
    const child = fork(join(__dirname, 'leads-load-generator.ts'), [], {
      execArgv: ['-r', join(__dirname, '..', '..', 'tools', 'register.cjs')],
      env: {
        ...process.env,
        LEADS_BENCH_PORT: String(port),
        LEADS_BENCH_CLIENTS: String(clients),
        SALESOS_BENCH_KEY_DIR: benchKeyDir,
      },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new LoadProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  probe() {
    return this.ask({ op: 'probe' }, 'probe');
  }

  closedLoop(seconds: number, warmupSeconds: number) {
    return this.ask({ op: 'closed-loop', seconds, warmupSeconds }, 'closed-loop');
  }

  floorLoop(port: number, seconds: number, warmupSeconds: number) {
    return this.ask({ op: 'floor-loop', port, seconds, warmupSeconds }, 'floor-loop');
  }

  openLoop(shape: OpenLoopShape) {
    return this.ask({ op: 'open-loop', shape }, 'open-loop');
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    this.child.kill();
  }

  private ask<Op extends LoadAnswer['op']>(request: LoadRequest, op: Op): Promise<Extract<LoadAnswer, { op: Op }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the load generator exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (answer: LoadAnswer) => {
        this.child.off('exit', onExit);
        if (answer.op === 'failed') reject(new Error(`load generator: ${answer.message}`));
        else if (answer.op !== op) reject(new Error(`load generator answered ${answer.op} to ${op}`));
        else resolve(answer as Extract<LoadAnswer, { op: Op }>);
      });
      this.child.send(request);
    });
  }
}
