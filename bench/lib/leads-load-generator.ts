/**
 * The leads bench's load generator, run in a child process of its own: the HTTP clients never share the service's
 * event loop, as real clients never do. The parent sends one request at a time over IPC and gets plain results.
 */
import type { ErrorSummary } from './leads-report';
import { distributionsByKind, measureAtRate, type OpenLoopResult, type OpenLoopShape } from './leads-latency';
import { randomUUID } from 'node:crypto';
import { benchBearer } from './bench-auth';
import { floorPath } from './http-floor';
import { LoopbackHttp } from './leads-http';
import {
  clientIdentity,
  type CommandKind,
  commandKinds,
  type CommandOutcome,
  commandsPerCycle,
  LeadsClient,
} from './leads-mix';
import { measureThroughput, type Throughput } from './load';
import type { Distribution } from './messaging-timing';
import { progress } from './progress';

export type LoadRequest =
  | { op: 'probe' }
  | { op: 'closed-loop'; seconds: number; warmupSeconds: number }
  | { op: 'open-loop'; shape: OpenLoopShape }
  | { op: 'floor-loop'; port: number; seconds: number; warmupSeconds: number };

export interface ClosedLoopResult extends Throughput {
  byKind: Record<CommandKind, Distribution>;
  succeeded: number;
}

export type LoadAnswer =
  | { op: 'probe'; createdStreamIds: string[] }
  | { op: 'closed-loop'; result: ClosedLoopResult; errors: ErrorSummary }
  | { op: 'open-loop'; result: OpenLoopResult; errors: ErrorSummary }
  | { op: 'floor-loop'; result: Throughput; errors: ErrorSummary }
  | { op: 'failed'; message: string };

const errorSamples = 5;

/** Every command's outcome, per phase; the first failures are kept to show what went wrong. */
class ErrorTally {
  private readonly byPhase: Record<string, number> = {};
  private readonly samples: string[] = [];

  record(phase: string, outcome: CommandOutcome): void {
    if (outcome.ok) return;
    this.byPhase[phase] = (this.byPhase[phase] ?? 0) + 1;
    const sample = `${phase} ${outcome.kind}: ${outcome.failure ?? outcome.status}`;
    if (this.samples.length < errorSamples) {
      this.samples.push(sample);
      progress(`error: ${sample}`);
    }
  }

  summary(): ErrorSummary {
    const total = Object.values(this.byPhase).reduce((sum, count) => sum + count, 0);
    return { total, byPhase: { ...this.byPhase }, samples: [...this.samples] };
  }
}

/** Send-to-answer times of the successful commands answered inside the timed window, by kind. */
class WindowLatencies {
  private readonly byKind = new Map<CommandKind, number[]>(commandKinds.map((kind) => [kind, []]));
  succeeded = 0;

  constructor(
    private readonly windowStart: number,
    private readonly windowEnd: number,
  ) {}

  add(kind: CommandKind, sentAt: number, answeredAt: number): void {
    this.succeeded += 1;
    if (answeredAt >= this.windowStart && answeredAt <= this.windowEnd) {
      this.byKind.get(kind)?.push(answeredAt - sentAt);
    }
  }

  distributions(): Record<CommandKind, Distribution> {
    return distributionsByKind(this.byKind);
  }
}

class LoadGenerator {
  private readonly http: LoopbackHttp;
  private readonly clients: LeadsClient[];

  constructor(port: number, clientCount: number) {
    this.http = new LoopbackHttp(port, clientCount);
    this.clients = Array.from({ length: clientCount }, (_, index) => new LeadsClient(this.http, clientIdentity(index)));
  }

  /** One cycle of the mix by a client of its own: a mix the service refuses fails the run at once. */
  async probe(): Promise<LoadAnswer> {
    const client = new LeadsClient(this.http, clientIdentity(this.clients.length));
    const createdStreamIds: string[] = [];
    for (let step = 0; step < commandsPerCycle; step += 1) {
      const outcome = await client.next();
      if (!outcome.ok) throw new Error(`the service refused the mix: ${outcome.kind} ${outcome.failure ?? ''}`);
      if (outcome.createdStreamId !== undefined) createdStreamIds.push(outcome.createdStreamId);
    }
    return { op: 'probe', createdStreamIds };
  }

  async closedLoop(seconds: number, warmupSeconds: number): Promise<LoadAnswer> {
    const errors = new ErrorTally();
    const windowStart = performance.now() + warmupSeconds * 1000;
    const latencies = new WindowLatencies(windowStart, windowStart + seconds * 1000);
    const writers = this.clients.length;
    const shape = { label: `http_commands_per_s_${writers}`, writers, seconds, warmupSeconds };
    const throughput = await measureThroughput(shape, (writer) => {
      const client = this.clients[writer] as LeadsClient;
      return async () => {
        const sentAt = performance.now();
        const outcome = await client.next();
        errors.record('http_throughput', outcome);
        if (!outcome.ok) return 0;
        latencies.add(outcome.kind, sentAt, performance.now());
        return 1;
      };
    });
    const result = { ...throughput, byKind: latencies.distributions(), succeeded: latencies.succeeded };
    return { op: 'closed-loop', result, errors: errors.summary() };
  }

  async openLoop(shape: OpenLoopShape): Promise<LoadAnswer> {
    const errors = new ErrorTally();
    const result = await measureAtRate('half_rate', this.clients, shape, (outcome) =>
      errors.record('half_rate', outcome),
    );
    return { op: 'open-loop', result, errors: errors.summary() };
  }
}

/**
 * The same clients, tokens and closed loop against the HTTP floor (bench/lib/http-floor.ts): one stage move per
 * request, each with the ETag the previous answer gave.
 */
async function floorLoop(port: number, clients: number, seconds: number, warmupSeconds: number): Promise<LoadAnswer> {
  const http = new LoopbackHttp(port, clients);
  const errors = new ErrorTally();
  const shape = { label: `http_floor_per_s_${clients}`, writers: clients, seconds, warmupSeconds };
  try {
    const result = await measureThroughput(shape, (writer) => {
      const identity = clientIdentity(writer);
      const headers = {
        ...benchBearer({ userId: identity.userId, roles: ['rep'], divisions: [identity.divisionId] }),
        'x-division-id': identity.divisionId,
      };
      const path = floorPath(randomUUID());
      let etag = '"0"';
      return async () => {
        const answer = await http.send('PUT', path, { ...headers, 'if-match': etag }, { stageId: 'proposal' });
        const ok = answer.status === 200;
        errors.record('http_floor', {
          kind: 'move_stage',
          status: answer.status,
          ok,
          failure: ok ? undefined : answer.body,
        });
        etag = answer.etag ?? etag;
        return ok ? 1 : 0;
      };
    });
    return { op: 'floor-loop', result, errors: errors.summary() };
  } finally {
    http.close();
  }
}

function serve(): void {
  const port = Number(process.env.LEADS_BENCH_PORT);
  const clients = Number(process.env.LEADS_BENCH_CLIENTS);
  const generator = new LoadGenerator(port, clients);
  process.on('message', (request: LoadRequest) => {
    const handled = answer(generator, request, clients);
    handled.then(
      (answer) => process.send?.(answer),
      (error: unknown) => process.send?.({ op: 'failed', message: String(error) } satisfies LoadAnswer),
    );
  });
  // The parent going away ends the generator.
  process.on('disconnect', () => process.exit(0));
}

function answer(generator: LoadGenerator, request: LoadRequest, clients: number): Promise<LoadAnswer> {
  switch (request.op) {
    case 'probe':
      return generator.probe();
    case 'closed-loop':
      return generator.closedLoop(request.seconds, request.warmupSeconds);
    case 'open-loop':
      return generator.openLoop(request.shape);
    case 'floor-loop':
      return floorLoop(request.port, clients, request.seconds, request.warmupSeconds);
  }
}

if (require.main === module) serve();
