/**
 * Commands sent to the leads service as a real client sends them while processes die and the broker goes away:
 * every command with an Idempotency-Key of its own, sent again with the same key and body after no answer, a 5xx or
 * a 409 of exhausted concurrency retries, until it gets a definitive answer. Each story follows one lead or deal from
 * its capture or opening to its close, one command after the other, each step choosing from a seeded random source.
 */

/** A small deterministic random source, so that a schedule can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

export type CommandKind =
  | 'capture-lead'
  | 'qualify-lead'
  | 'convert-lead'
  | 'open-opportunity'
  | 'move-stage'
  | 'win-opportunity'
  | 'lose-opportunity';

/** One command as the client saw it end: its key, its final answer and how many sends it took. */
export interface CommandRecord {
  key: string;
  kind: CommandKind;
  method: 'POST' | 'PUT';
  path: string;
  /** The final HTTP status; 0 when the client gave up without any answer. */
  status: number;
  attempts: number;
  /** The stream the command acts on, once known (a capture or an opening learns it from the answer). */
  streamId?: string;
  answer?: string;
}

interface Step {
  kind: CommandKind;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  /** Learns what the answer says (the new lead's or deal's id). */
  onAccepted?: (body: Record<string, unknown>) => void;
}

interface Story {
  leadId?: string;
  opportunityId?: string;
  plan: Array<() => Step>;
  busy: boolean;
}

export interface FaultClientOptions {
  baseUrl: string;
  /** Authorization and X-Division-Id of the caller. */
  headers: Record<string, string>;
  runId: string;
  random: () => number;
  repIds: readonly string[];
  lossReasons: readonly string[];
  /** How long one command is retried before the client gives up on it. */
  giveUpAfterMs?: number;
  /** Requests on the wire at once, as a client's connection pool allows (default 32); the others wait their turn. */
  maxConcurrentRequests?: number;
}

const sources = ['web', 'referral', 'event', 'partner', 'cold-call'] as const;
const stagesForward = ['qualification', 'proposal', 'negotiation', 'commit'] as const;

/** What went wrong with a request that got no answer: fetch hides the socket's error in its cause. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : `${error.name}: ${error.message}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A sales team's client: starts stories and moves them on, one command per `send()`. */
export class FaultClient {
  readonly records: CommandRecord[] = [];
  /** The last answer that made the client send a command again, to show what the platform went through. */
  lastRetryReason: string | undefined;
  private readonly stories: Story[] = [];
  private sequence = 0;
  private keys = 0;
  private inFlight = 0;
  private readonly pending = new Set<Promise<void>>();
  private onTheWire = 0;
  private readonly waitingForWire: Array<() => void> = [];

  constructor(private readonly options: FaultClientOptions) {}

  get commandsInFlight(): number {
    return this.inFlight;
  }

  /** Sends the next command of a story that waits for one, or of a new story; answers at once. */
  send(): void {
    const story = this.nextStory();
    const make = story.plan.shift();
    if (make === undefined) return;
    const step = make();
    story.busy = true;
    this.inFlight += 1;
    const done = this.run(step)
      .then((accepted) => {
        story.busy = false;
        // A refused step ends the story: what follows depended on it.
        if (!accepted) story.plan.length = 0;
      })
      .finally(() => {
        this.inFlight -= 1;
        this.pending.delete(done);
      });
    this.pending.add(done);
  }

  /** Resolves once every command sent has its final answer. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private nextStory(): Story {
    this.stories.splice(0, this.stories.length, ...this.stories.filter((story) => story.plan.length > 0));
    const waiting = this.stories.filter((story) => !story.busy);
    // About one command in three starts a story, the others move one on, as long as some story waits.
    if (waiting.length > 0 && this.options.random() < 0.7) {
      return waiting[Math.floor(this.options.random() * waiting.length)] as Story;
    }
    const story = this.options.random() < 0.6 ? this.leadStory() : this.dealStory();
    this.stories.push(story);
    return story;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.options.random() * values.length)] as T;
  }

  /** Captured (and routed by the division's rules); then qualified, converted, moved and closed, or left on the way. */
  private leadStory(): Story {
    const story: Story = { plan: [], busy: false };
    const n = (this.sequence += 1);
    const company = `${this.options.runId} Company ${n}`;
    story.plan.push(() => ({
      kind: 'capture-lead',
      method: 'POST',
      path: '/leads',
      body: {
        source: this.pick(sources),
        contact: { name: `Contact ${n}`, email: `contact-${n}@${this.options.runId}.example` },
        company: { name: company },
        estimatedValue: { amount: 1000 + Math.round(this.options.random() * 90_000), currency: 'EUR' },
      },
      onAccepted: (body) => (story.leadId = String(body.leadId)),
    }));
    const depth = this.options.random();
    if (depth < 0.25) return story;
    story.plan.push(() => ({
      kind: 'qualify-lead',
      method: 'POST',
      path: `/leads/${story.leadId ?? ''}/qualification`,
      body: {},
    }));
    if (depth < 0.45) return story;
    story.plan.push(() => ({
      kind: 'convert-lead',
      method: 'POST',
      path: `/leads/${story.leadId ?? ''}/conversion`,
      body: this.dealBody(company),
      onAccepted: (body) => (story.opportunityId = String(body.opportunityId)),
    }));
    this.closeDeal(story);
    return story;
  }

  private dealStory(): Story {
    const story: Story = { plan: [], busy: false };
    const n = (this.sequence += 1);
    story.plan.push(() => ({
      kind: 'open-opportunity',
      method: 'POST',
      path: '/opportunities',
      body: { ...this.dealBody(`${this.options.runId} Account ${n}`), ownerRepId: this.pick(this.options.repIds) },
      onAccepted: (body) => (story.opportunityId = String(body.opportunityId)),
    }));
    this.closeDeal(story);
    return story;
  }

  private dealBody(accountName: string): Record<string, unknown> {
    return {
      accountName,
      pipelineId: 'new-business',
      amount: { amount: 5000 + Math.round(this.options.random() * 200_000), currency: 'EUR' },
      expectedCloseDate: '2027-06-30',
      products: [{ productId: 'press-200', quantity: 1 + Math.floor(this.options.random() * 5) }],
      channel: { kind: 'direct' },
    };
  }

  /** Forward through some stages, then won, lost or left open. */
  private closeDeal(story: Story): void {
    const stages = stagesForward.slice(0, 1 + Math.floor(this.options.random() * stagesForward.length));
    for (const stageId of stages) {
      story.plan.push(() => ({
        kind: 'move-stage',
        method: 'PUT',
        path: `/opportunities/${story.opportunityId ?? ''}/stage`,
        body: { stageId },
      }));
    }
    const end = this.options.random();
    if (end < 0.4) {
      story.plan.push(() => ({
        kind: 'win-opportunity',
        method: 'POST',
        path: `/opportunities/${story.opportunityId ?? ''}/win`,
        body: {},
      }));
    } else if (end < 0.7) {
      story.plan.push(() => ({
        kind: 'lose-opportunity',
        method: 'POST',
        path: `/opportunities/${story.opportunityId ?? ''}/loss`,
        body: { reason: this.pick(this.options.lossReasons) },
      }));
    }
  }

  private async takeWire(): Promise<void> {
    if (this.onTheWire < (this.options.maxConcurrentRequests ?? 32)) {
      this.onTheWire += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waitingForWire.push(resolve));
  }

  /** Hands the connection to the next waiting request, if any. */
  private releaseWire(): void {
    const next = this.waitingForWire.shift();
    if (next === undefined) this.onTheWire -= 1;
    else next();
  }

  /** Sends one command until it has a definitive answer; answers whether it was accepted. */
  private async run(step: Step): Promise<boolean> {
    const key = `${this.options.runId}-${(this.keys += 1)}`;
    const giveUpAt = Date.now() + (this.options.giveUpAfterMs ?? 900_000);
    const record: CommandRecord = {
      key,
      kind: step.kind,
      method: step.method,
      path: step.path,
      status: 0,
      attempts: 0,
    };
    let backoffMs = 100;
    for (;;) {
      record.attempts += 1;
      await this.takeWire();
      try {
        const answer = await fetch(`${this.options.baseUrl}${step.path}`, {
          method: step.method,
          headers: { ...this.options.headers, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(step.body),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await answer.text();
        record.status = answer.status;
        record.answer = text.slice(0, 500);
        // No answer that counts: the process died or could not decide; the same key makes the retry safe.
        const transient = answer.status >= 500 || (answer.status === 409 && text.includes('concurrency'));
        if (!transient) {
          if (answer.status >= 200 && answer.status < 300) {
            step.onAccepted?.(JSON.parse(text) as Record<string, unknown>);
            this.records.push(record);
            return true;
          }
          this.records.push(record);
          return false;
        }
      } catch (error) {
        record.status = 0;
        record.answer = `no answer: ${describeFailure(error)}`;
      } finally {
        this.releaseWire();
      }
      this.lastRetryReason = `${record.kind}: ${record.status} ${record.answer ?? ''}`.slice(0, 300);
      if (Date.now() > giveUpAt) {
        this.records.push(record);
        return false;
      }
      await sleep(backoffMs);
      backoffMs = Math.min(2000, backoffMs * 2);
    }
  }
}
