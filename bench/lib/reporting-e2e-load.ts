/**
 * Lead captures sent to the leads service on a fixed schedule, and one poller that watches the reporting service's
 * funnel until each capture shows. Open loop: a command's send time is its scheduled time, so a slow service shows
 * as latency, never as a lower offered rate.
 */
import type { HttpAnswer, LoopbackHttp } from './leads-http';
import { sleep } from './messaging-timing';
import { benchBearer, directorOf } from './bench-auth';

export interface EndToEndShape {
  ratePerSecond: number;
  warmupSeconds: number;
  seconds: number;
  pollIntervalMs: number;
  /**
   * Captures per division before the next division starts. The funnel reads every lead of the division on each
   * poll: a small division keeps a poll cheap, so polling at 100 Hz does not become the reporting service's load.
   */
  leadsPerDivision: number;
  /** How long after the last send a capture may take to show before it counts as never visible. */
  drainSeconds: number;
}

export interface EndToEndSamples {
  /** From scheduled send to the poll answer that first showed the capture; measured captures that showed. */
  visible: number[];
  /** The same by the second of the measured window a capture was scheduled in: steady, or falling behind. */
  visibleBySecond: number[][];
  /** From scheduled send to the leads service's 201. */
  acknowledged: number[];
  offered: number;
  errors: number;
  errorSamples: string[];
  neverVisible: number;
  /** Captures the funnel counted beyond those acknowledged: a failed command that still stored its event. */
  unexplained: number;
  achievedRatePerSecond: number;
  /** How late this process's timer sent against the schedule. */
  scheduleLags: number[];
  pollRoundTrips: number[];
  polls: number;
  divisions: number;
}

export interface WindowHooks {
  windowStarted(): void;
  windowEnded(): void;
  /** A reason to stop at once, such as a service process that exited. */
  failure(): string | undefined;
}

interface Capture {
  dueAt: number;
  answeredAt: number;
  measured: boolean;
}

/** One division's captures; the funnel's count tells how many of them show, not which. */
class Division {
  scheduled = 0;
  answered = 0;
  closed = false;
  /** In order of acknowledgement: when the count reaches k, the k-th acknowledged capture counts as visible. */
  readonly accepted: Capture[] = [];
  /** reachedAt[k - 1]: when a poll answer first showed at least k captures. */
  readonly reachedAt: number[] = [];

  constructor(readonly id: string) {}

  get watched(): boolean {
    const settled = this.closed && this.answered === this.scheduled && this.reachedAt.length >= this.accepted.length;
    return this.scheduled > 0 && !settled;
  }

  observe(count: number, at: number): void {
    while (this.reachedAt.length < count) this.reachedAt.push(at);
  }
}

const repHeaders = (divisionId: string) => benchBearer({ userId: 'rep-1', roles: ['rep'], divisions: [divisionId] });
const directorHeaders = directorOf;

/** Company, email and phone unique to the capture, so duplicate detection finds nothing to flag. */
function leadBody(runId: string, index: number) {
  return {
    source: index % 2 === 0 ? 'web-form' : 'referral',
    contact: {
      name: 'Jordan Example',
      email: `jordan.${index}@${runId}.example`,
      phone: `+49 30 ${10_000_000 + index}`,
    },
    company: { name: `Prospect ${runId} ${index} Industrial GmbH`, industry: 'manufacturing', sizeBand: 'mid' },
    territory: 'dach',
    estimatedValue: { amount: 125_000, currency: 'EUR' },
  };
}

export class EndToEndRun {
  private readonly divisions: Division[] = [];
  private readonly errorSamples: string[] = [];
  private readonly scheduleLags: number[] = [];
  private readonly pollRoundTrips: number[] = [];
  private errors = 0;
  private polls = 0;
  private sending = true;
  /** Set when either loop fails, so the other stops too rather than run on against stopped services. */
  private abort: string | undefined;

  constructor(
    private readonly leads: LoopbackHttp,
    private readonly reporting: LoopbackHttp,
    private readonly runId: string,
    private readonly shape: EndToEndShape,
  ) {}

  /** Ends once every capture shows, or the drain time after the last send is up. */
  async run(hooks: WindowHooks): Promise<EndToEndSamples> {
    const stopOnFailure = (error: unknown): never => {
      this.abort ??= String(error);
      throw error;
    };
    const [windowStart] = await Promise.all([
      this.send(hooks)
        .finally(() => (this.sending = false))
        .catch(stopOnFailure),
      this.watch(hooks).catch(stopOnFailure),
    ]);
    return this.samples(windowStart);
  }

  /** One capture in a division of its own, watched until it shows: proves the body, roles and report shape. */
  async probe(timeoutMs: number): Promise<number> {
    const division = new Division(`${this.runId}-probe`);
    const started = performance.now();
    await this.capture(division, 0, started, false);
    if (division.accepted.length !== 1) throw new Error(`the leads service refused a capture: ${this.errorSamples[0]}`);
    division.closed = true;
    while (division.watched) {
      if (performance.now() - started > timeoutMs) throw new Error(`a capture did not show in ${timeoutMs} ms`);
      await this.poll(division);
      await sleep(this.shape.pollIntervalMs);
    }
    this.pollRoundTrips.length = 0;
    this.polls = 0;
    return (division.reachedAt[0] ?? Number.NaN) - started;
  }

  private async send(hooks: WindowHooks): Promise<number> {
    const { ratePerSecond, warmupSeconds, seconds, leadsPerDivision } = this.shape;
    const intervalMs = 1000 / ratePerSecond;
    const warmup = Math.round(ratePerSecond * warmupSeconds);
    const total = warmup + Math.round(ratePerSecond * seconds);
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let index = 0; index < total; index += 1) {
      const dueAt = start + index * intervalMs;
      const wait = dueAt - performance.now();
      if (wait >= 1) await sleep(wait);
      const failure = this.abort ?? hooks.failure();
      if (failure !== undefined) throw new Error(failure);
      if (index === warmup) hooks.windowStarted();
      if (index >= warmup) this.scheduleLags.push(performance.now() - dueAt);
      const number = Math.floor(index / leadsPerDivision);
      const division = this.divisions[number] ?? this.division(`${this.runId}-${number}`);
      inFlight.push(this.capture(division, index, dueAt, index >= warmup));
    }
    hooks.windowEnded();
    const last = this.divisions[this.divisions.length - 1];
    if (last !== undefined) last.closed = true;
    await Promise.all(inFlight);
    return start + warmup * intervalMs;
  }

  private division(id: string): Division {
    const previous = this.divisions[this.divisions.length - 1];
    if (previous !== undefined) previous.closed = true;
    const division = new Division(id);
    this.divisions.push(division);
    return division;
  }

  private async capture(division: Division, index: number, dueAt: number, measured: boolean): Promise<void> {
    division.scheduled += 1;
    const answer: HttpAnswer = await this.leads
      .send('POST', '/leads', repHeaders(division.id), leadBody(this.runId, index))
      .catch((error: unknown) => ({ status: 0, body: `no answer: ${String(error)}`, etag: undefined }));
    division.answered += 1;
    if (answer.status === 201) {
      division.accepted.push({ dueAt, answeredAt: performance.now(), measured });
      return;
    }
    this.errors += 1;
    if (this.errorSamples.length < 5) this.errorSamples.push(`${answer.status} ${answer.body.slice(0, 300)}`);
  }

  private async watch(hooks: WindowHooks): Promise<void> {
    let drainDeadline = Number.POSITIVE_INFINITY;
    for (;;) {
      const roundStart = performance.now();
      if (this.sending) drainDeadline = roundStart + this.shape.drainSeconds * 1000;
      const watched = this.divisions.filter((division) => division.watched);
      if (!this.sending && (watched.length === 0 || roundStart > drainDeadline)) return;
      const failure = this.abort ?? hooks.failure();
      if (failure !== undefined) throw new Error(failure);
      await Promise.all(watched.map((division) => this.poll(division)));
      const wait = roundStart + this.shape.pollIntervalMs - performance.now();
      if (wait >= 1) await sleep(wait);
    }
  }

  private async poll(division: Division): Promise<void> {
    const sentAt = performance.now();
    const answer = await this.reporting.get('/reports/funnel?groupBy=none', directorHeaders(division.id));
    const at = performance.now();
    this.polls += 1;
    this.pollRoundTrips.push(at - sentAt);
    if (answer.status !== 200) throw new Error(`GET /reports/funnel: ${answer.status} ${answer.body.slice(0, 300)}`);
    const { groups } = JSON.parse(answer.body) as { groups: { captured: number }[] };
    division.observe(
      groups.reduce((sum, group) => sum + group.captured, 0),
      at,
    );
  }

  private samples(windowStart: number): EndToEndSamples {
    const visible: number[] = [];
    const visibleBySecond: number[][] = Array.from({ length: Math.ceil(this.shape.seconds) }, () => []);
    const acknowledged: number[] = [];
    let neverVisible = 0;
    let unexplained = 0;
    let lastAnsweredAt = windowStart;
    for (const division of this.divisions) {
      unexplained += Math.max(0, division.reachedAt.length - division.accepted.length);
      division.accepted.forEach((capture, k) => {
        if (!capture.measured) return;
        acknowledged.push(capture.answeredAt - capture.dueAt);
        lastAnsweredAt = Math.max(lastAnsweredAt, capture.answeredAt);
        const seenAt = division.reachedAt[k];
        if (seenAt === undefined) neverVisible += 1;
        else {
          visible.push(seenAt - capture.dueAt);
          visibleBySecond[Math.floor((capture.dueAt - windowStart) / 1000)]?.push(seenAt - capture.dueAt);
        }
      });
    }
    return {
      visible,
      visibleBySecond,
      acknowledged,
      offered: Math.round(this.shape.ratePerSecond * this.shape.seconds),
      errors: this.errors,
      errorSamples: [...this.errorSamples],
      neverVisible,
      unexplained,
      achievedRatePerSecond: acknowledged.length / ((lastAnsweredAt - windowStart) / 1000),
      scheduleLags: [...this.scheduleLags],
      pollRoundTrips: [...this.pollRoundTrips],
      polls: this.polls,
      divisions: this.divisions.length,
    };
  }
}
