import { type EventStore, type RecordedEvent, streamCategory, type Subscription } from '@salesos/event-store';
import type { DataSource } from 'typeorm';
import { type ParkedEvent, ProjectionState } from './projection-state';
import type { StoreProjection } from './store-projection';

/** Held by the one instance of a service that projects; the others stand by (structurally the relay's lock). */
export interface ProjectorLease {
  isHeld(): boolean;
  release(): Promise<void>;
}

export interface ProjectorLock {
  acquire(name: string, signal?: AbortSignal): Promise<ProjectorLease>;
}

export interface ProjectorLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface StoreProjectorOptions {
  /** Names the checkpoint and the lock: one projector per service and database. */
  name: string;
  store: EventStore;
  dataSource: DataSource;
  projections: readonly StoreProjection[];
  /** Lets one replica project at a time; without it this process projects. */
  lock?: ProjectorLock;
  batchSize?: number;
  /** Tries of an event that fails alone before it is parked (default 3). */
  attemptsBeforeParking?: number;
  retryDelayMs?: (attempt: number) => number;
  logger?: ProjectorLogger;
  now?: () => Date;
}

export type ProjectorState = 'idle' | 'standby' | 'catching-up' | 'live' | 'retrying' | 'stopped';

export interface ProjectorStatus {
  name: string;
  state: ProjectorState;
  checkpoint: string;
  applied: number;
  parked: number;
  lastProgressAt?: string;
  lastError?: string;
}

class LeaseLost extends Error {
  constructor() {
    super('the projector lost its lease');
  }
}

const defaultRetryDelay = (attempt: number): number => Math.min(5_000, 100 * 2 ** attempt);
const quiet: ProjectorLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Keeps a service's read models from its own streams: pages of events are applied inside the transaction that moves
 * the checkpoint, so the tables and the checkpoint never disagree, and a restart resumes where the last commit left
 * off. An event that a projection cannot take is tried alone a few times and then parked with its reason, and
 * everything after it keeps flowing; a database that does not answer is waited out, never a reason to park.
 * Commands wait on `caughtUpTo` so their caller reads its own writes.
 */
export class StoreProjector {
  private readonly state: ProjectionState;
  private readonly categories: string[];
  private readonly now: () => Date;
  private readonly logger: ProjectorLogger;
  private readonly abort = new AbortController();
  private readonly waiters = new Set<{ position: bigint; resolve: (reached: boolean) => void }>();
  private status_: ProjectorStatus;
  private position = 0n;
  private holding = false;
  private running: Promise<void> | undefined;
  private subscription: Subscription | undefined;

  constructor(private readonly options: StoreProjectorOptions) {
    this.state = new ProjectionState(options.dataSource, options.name);
    this.categories = [...new Set(options.projections.flatMap((projection) => projection.categories))];
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? quiet;
    this.status_ = { name: options.name, state: 'idle', checkpoint: '0', applied: 0, parked: 0 };
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.subscription?.stop();
    await this.running;
    this.status_.state = 'stopped';
    for (const waiter of [...this.waiters]) waiter.resolve(false);
  }

  status(): ProjectorStatus {
    return { ...this.status_ };
  }

  /** Events of the followed categories stored after the checkpoint (counted up to `cap`). */
  async lag(cap = 100_000): Promise<number> {
    const { store } = this.options;
    const after = await this.state.checkpoint();
    if (store.countEvents) return store.countEvents({ after, filter: { categories: this.categories }, cap });
    const page = await store.readAll({ after, maxCount: cap, filter: { categories: this.categories } });
    return page.events.length;
  }

  parked(): Promise<ParkedEvent[]> {
    return this.state.parked();
  }

  /**
   * Resolves true once the read models include every event up to `position` (applied or parked), false if that takes
   * longer than `timeoutMs`: a command waits for it so its caller reads what it wrote.
   */
  async caughtUpTo(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    if (this.position >= position) return true;
    if (!this.holding) return this.pollCheckpoint(position, timeoutMs);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Runs until the read models hold every event stored so far, then stops: for seeding and tools. */
  async catchUp(onProgress: (status: ProjectorStatus) => void = () => undefined): Promise<ProjectorStatus> {
    this.position = await this.state.checkpoint();
    this.status_.checkpoint = this.position.toString();
    const subscription = this.subscribe();
    const progress = setInterval(() => onProgress(this.status()), 1_000);
    try {
      await Promise.race([subscription.caughtUp, subscription.closed]);
    } finally {
      clearInterval(progress);
      await subscription.stop();
    }
    await subscription.closed;
    onProgress(this.status());
    return this.status();
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.abort.signal.aborted) {
      let lease: ProjectorLease | undefined;
      try {
        if (this.options.lock !== undefined) {
          this.status_.state = 'standby';
          lease = await this.options.lock.acquire(`projector:${this.options.name}`, this.abort.signal);
        }
        this.holding = true;
        this.position = await this.state.checkpoint();
        this.status_.checkpoint = this.position.toString();
        this.status_.state = 'catching-up';
        const subscription = this.subscribe(lease);
        this.subscription = subscription;
        await subscription.closed;
        attempt = 0;
      } catch (error) {
        if (this.abort.signal.aborted) break;
        attempt += 1;
        this.status_.state = 'retrying';
        this.status_.lastError = describe(error);
        this.logger.warn('projector stopped; starting again', { projector: this.options.name, error: describe(error) });
        await this.sleep((this.options.retryDelayMs ?? defaultRetryDelay)(attempt));
      } finally {
        this.holding = false;
        await lease?.release().catch(() => undefined);
      }
    }
  }

  private subscribe(lease?: ProjectorLease): Subscription {
    return this.options.store.subscribe({
      start: { after: this.position },
      filter: { categories: this.categories },
      batchSize: this.options.batchSize ?? 500,
      batchHandler: async (events, scannedTo) => {
        if (lease !== undefined && !lease.isHeld()) throw new LeaseLost();
        await this.applyPage(events, scannedTo);
      },
      onCaughtUp: () => {
        if (this.status_.state === 'catching-up') this.status_.state = 'live';
      },
    });
  }

  private async applyPage(events: readonly RecordedEvent[], scannedTo: bigint): Promise<void> {
    try {
      await this.options.dataSource.transaction(async (tx) => {
        await this.project(events, tx);
        await this.state.moveTo(tx, scannedTo, this.now());
      });
      this.status_.applied += events.length;
    } catch (error) {
      if (events.length === 0) throw error;
      this.logger.warn('a page of events failed; applying them one by one', {
        projector: this.options.name,
        error: describe(error),
      });
      for (const event of events) await this.applyAlone(event);
      await this.options.dataSource.transaction((tx) => this.state.moveTo(tx, scannedTo, this.now()));
    }
    this.reached(scannedTo);
  }

  /** One event in its own transaction, tried again a few times, then parked; a failure to park is not swallowed. */
  private async applyAlone(event: RecordedEvent): Promise<void> {
    const attempts = this.options.attemptsBeforeParking ?? 3;
    let reason = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        await this.options.dataSource.transaction(async (tx) => {
          await this.project([event], tx);
          await this.state.moveTo(tx, event.metadata.globalPosition, this.now());
        });
        this.status_.applied += 1;
        return;
      } catch (error) {
        reason = describe(error);
        if (attempt < attempts) await this.sleep((this.options.retryDelayMs ?? defaultRetryDelay)(attempt));
      }
    }
    await this.options.dataSource.transaction(async (tx) => {
      await this.state.park(tx, event, reason, this.now());
      await this.state.moveTo(tx, event.metadata.globalPosition, this.now());
    });
    this.status_.parked += 1;
    this.logger.error('event parked: no projection could take it', {
      projector: this.options.name,
      eventId: event.metadata.eventId,
      streamId: event.metadata.streamId,
      type: event.type,
      reason,
    });
  }

  private async project(events: readonly RecordedEvent[], tx: Parameters<StoreProjection['apply']>[1]): Promise<void> {
    for (const projection of this.options.projections) {
      const taken = events.filter((event) => projection.categories.includes(streamCategory(event.metadata.streamId)));
      if (taken.length > 0) await projection.apply(taken, tx);
    }
  }

  private reached(position: bigint): void {
    this.position = position;
    this.status_.checkpoint = position.toString();
    this.status_.lastProgressAt = this.now().toISOString();
    delete this.status_.lastError;
    for (const waiter of [...this.waiters]) if (waiter.position <= position) waiter.resolve(true);
  }

  private async pollCheckpoint(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.state.checkpoint()) >= position) return true;
      await this.sleep(25);
    }
    return false;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener('abort', done, { once: true });
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
