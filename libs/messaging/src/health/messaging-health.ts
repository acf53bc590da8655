import type { ConsumerStatus } from '../consumer/consumer-runner';
import type { RelayState, RelayStatus } from '../relay/relay';
import { type DependencyStatus, judgeReadiness, type ReadinessStatus, type ViewsStatus } from './readiness';
import { NoAnswerInTimeError, within } from './within';

/** What health needs of a consumer runner or a relay. */
interface Monitored<Status> {
  status(): Status;
  lag(): Promise<number>;
}

/** Something the service cannot serve without (its event store, its database), and how to ask it. */
export interface HealthDependency {
  name: string;
  /** Resolves when it answers; health waits at most `dependencyTimeoutMs` for it. */
  check(): Promise<void>;
}

export interface MessagingReadiness {
  /** `up`, `degraded` (serves; `reasons` says what to look at) or `down` (cannot serve). */
  status: ReadinessStatus;
  /** Whether to send it traffic: false only when down. */
  ready: boolean;
  reasons: string[];
  dependencies: DependencyStatus[];
  consumers: ConsumerStatus[];
  relays: RelayStatus[];
  views: ViewsStatus[];
}

export interface MessagingMetrics {
  consumerLag: Record<string, number>;
  relayLag: Record<string, number>;
  viewsLag: Record<string, number>;
}

const relayStates: readonly RelayState[] = [
  'idle',
  'waiting-for-lock',
  'connecting',
  'publishing',
  'retrying',
  'stopped',
  'failed',
];

export interface MessagingHealthOptions {
  clock?: () => Date;
  /** How long a readiness check waits for each dependency (default 2 s); a later answer makes it slow, not down. */
  dependencyTimeoutMs?: number;
  /** A dependency that has not answered in time for this long is down (default 30 s). */
  downAfterMs?: number;
}

/** How long a scrape waits for a lag measurement before it reports the last value known. */
const lagTimeoutMs = 2000;

/**
 * Readiness, lag and progress of the consumers and relays one process runs, and of the store and database it
 * serves from, for health checks and metrics.
 */
export class MessagingHealth {
  private readonly consumers = new Set<Monitored<ConsumerStatus>>();
  private readonly relays = new Set<Monitored<RelayStatus>>();
  private readonly views = new Set<Monitored<ViewsStatus>>();
  private readonly dependencies = new Map<string, HealthDependency>();
  private readonly lastChecks = new Map<string, DependencyStatus>();
  /** When each dependency last answered in time, or was first asked. */
  private readonly lastAnswered = new Map<string, number>();

  constructor(private readonly options: MessagingHealthOptions = {}) {}

  register(part: {
    consumer?: Monitored<ConsumerStatus>;
    relay?: Monitored<RelayStatus>;
    dependency?: HealthDependency;
    views?: Monitored<ViewsStatus>;
  }): void {
    if (part.views) this.views.add(part.views);
    if (part.consumer) this.consumers.add(part.consumer);
    if (part.relay) this.relays.add(part.relay);
    if (part.dependency) this.dependencies.set(part.dependency.name, part.dependency);
  }

  /** Readiness from what is known now: the states of the consumers and relays, and the last dependency checks. */
  readiness(): MessagingReadiness {
    const dependencies = [...this.dependencies.keys()].map((name) => this.lastChecks.get(name) ?? { name, up: true });
    const consumers = [...this.consumers].map((consumer) => consumer.status());
    const relays = [...this.relays].map((relay) => relay.status());
    const views = [...this.views].map((kept) => kept.status());
    const { status, reasons } = judgeReadiness({ dependencies, consumers, relays, views });
    return { status, ready: status !== 'down', reasons, dependencies, consumers, relays, views };
  }

  /**
   * Asks every dependency now, then answers `readiness()`. One that refuses (an error) is down at once. One that is
   * only late (busy under a burst of commands, its pool taken by writes) is slow, which is degraded: a readiness
   * that flapped to 503 under load would take a busy replica out of service when it is most needed. Late for
   * longer than `downAfterMs` (a network that swallows packets) is down.
   */
  async check(): Promise<MessagingReadiness> {
    await Promise.all([...this.dependencies.values()].map((dependency) => this.ask(dependency)));
    return this.readiness();
  }

  private async ask(dependency: HealthDependency): Promise<void> {
    const { name } = dependency;
    const askedAt = this.now();
    if (!this.lastAnswered.has(name)) this.lastAnswered.set(name, askedAt);
    const timeoutMs = this.options.dependencyTimeoutMs ?? 2000;
    let result: DependencyStatus;
    try {
      await within(dependency.check(), timeoutMs);
      this.lastAnswered.set(name, this.now());
      result = { name, up: true };
    } catch (error) {
      const silentMs = this.now() - (this.lastAnswered.get(name) ?? askedAt);
      if (!(error instanceof NoAnswerInTimeError)) result = { name, up: false, error: describe(error) };
      else if (silentMs < (this.options.downAfterMs ?? 30_000))
        result = { name, up: true, slow: true, error: error.message };
      else result = { name, up: false, error: `no answer in time for ${Math.round(silentMs / 1000)} s` };
    }
    this.lastChecks.set(name, result);
  }

  private now(): number {
    return (this.options.clock?.() ?? new Date()).getTime();
  }

  /** The lags measured now, each within 2 s; the last known value when a measurement fails, NaN when none is known. */
  async metrics(): Promise<MessagingMetrics> {
    const consumerLag: Record<string, number> = {};
    const relayLag: Record<string, number> = {};
    const viewsLag: Record<string, number> = {};
    await Promise.all([
      ...[...this.views].map(async (kept) => {
        viewsLag[kept.status().name] = await measured(kept);
      }),
      ...[...this.consumers].map(async (consumer) => {
        consumerLag[consumer.status().groupId] = await measured(consumer);
      }),
      ...[...this.relays].map(async (relay) => {
        relayLag[relay.status().service] = await measured(relay);
      }),
    ]);
    return { consumerLag, relayLag, viewsLag };
  }

  /** Prometheus text exposition: lags, consumer progress and stalls, relay states, dependencies. */
  async prometheus(): Promise<string> {
    const { consumerLag, relayLag, viewsLag } = await this.metrics();
    const views = [...this.views].map((kept) => kept.status());
    const consumers = [...this.consumers].map((consumer) => consumer.status());
    const relays = [...this.relays].map((relay) => relay.status());
    const dependencies = [...this.lastChecks.values()];
    const gauge = (name: string, help: string, samples: string[]): string[] => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} gauge`,
      ...samples,
    ];
    const lines = [
      ...gauge(
        'salesos_consumer_lag',
        'Records on the topics not yet committed by the consumer group.',
        Object.entries(consumerLag).map(([group, lag]) => `salesos_consumer_lag{group="${group}"} ${number(lag)}`),
      ),
      ...gauge(
        'salesos_consumer_stalled',
        'Whether the consumer is stalled (transport down, or records waiting and no progress): 1 or 0.',
        consumers.map((c) => `salesos_consumer_stalled{group="${c.groupId}"} ${c.state === 'stalled' ? 1 : 0}`),
      ),
      ...gauge(
        'salesos_consumer_seconds_since_progress',
        'Seconds since the consumer last committed or was found with nothing to do.',
        consumers.map(
          (c) =>
            `salesos_consumer_seconds_since_progress{group="${c.groupId}"} ${number(c.secondsSinceProgress ?? NaN)}`,
        ),
      ),
      ...gauge(
        'salesos_consumer_restarts',
        'Times the consumer started its transport again after a failure or a crash.',
        consumers.map((c) => `salesos_consumer_restarts{group="${c.groupId}"} ${c.restarts}`),
      ),
      ...gauge(
        'salesos_relay_lag',
        'Events in the store not yet published by the service relay.',
        Object.entries(relayLag).map(([service, lag]) => `salesos_relay_lag{service="${service}"} ${number(lag)}`),
      ),
      ...gauge(
        'salesos_relay_state',
        'The state of the service relay: 1 for the state it is in, 0 for the others.',
        relays.flatMap((relay) =>
          relayStates.map(
            (state) =>
              `salesos_relay_state{service="${relay.service}",state="${state}"} ${relay.state === state ? 1 : 0}`,
          ),
        ),
      ),
      ...gauge(
        'salesos_relay_parked_events',
        'Stored events the relay could not publish and sent to its dead-letter topic.',
        relays.map((relay) => `salesos_relay_parked_events{service="${relay.service}"} ${relay.parked}`),
      ),
      ...gauge(
        'salesos_views_lag',
        'Events of the service stored and not yet in its own views.',
        Object.entries(viewsLag).map(([name, lag]) => `salesos_views_lag{views="${name}"} ${number(lag)}`),
      ),
      ...gauge(
        'salesos_views_parked_events',
        'Stored events no projection of the service could take, parked with their reason.',
        views.map((kept) => `salesos_views_parked_events{views="${kept.name}"} ${kept.parked}`),
      ),
      ...gauge(
        'salesos_dependency_up',
        'Whether the store or database answered the last readiness check: 1 or 0.',
        dependencies.map((dependency) => `salesos_dependency_up{name="${dependency.name}"} ${dependency.up ? 1 : 0}`),
      ),
    ];
    return `${lines.join('\n')}\n`;
  }
}

async function measured(part: Monitored<{ lag?: number | null }>): Promise<number> {
  try {
    return await within(part.lag(), lagTimeoutMs);
  } catch {
    return part.status().lag ?? NaN;
  }
}

function number(value: number): string {
  return Number.isNaN(value) ? 'NaN' : String(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
