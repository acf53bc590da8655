import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import type { StoreProjection } from './store-projection';
import { type ProjectorLock, type ProjectorLogger, type ProjectorStatus, StoreProjector } from './store-projector';
import type { DataSource } from 'typeorm';

export interface ServiceViewsOptions {
  /** The projector's name, its checkpoint's key: `<service>.views`. */
  name: string;
  store: EventStore;
  database: DataSource;
  /** Lets one replica keep the views; without it this process does. */
  lock?: ProjectorLock;
  logger?: ProjectorLogger;
  /** How long a command waits for its write to reach the views before answering anyway. */
  readYourWritesMs?: number;
}

/**
 * The service's views of its own streams, kept in its own database. Features register their projections; one
 * projector keeps them all from the service's streams, in the background, from its checkpoint; a command waits until
 * its write is in the views before it answers, so its caller reads its own writes.
 */
export class ServiceViews implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly projections: StoreProjection[] = [];
  private projector: StoreProjector | undefined;

  constructor(private readonly options: ServiceViewsOptions) {}

  register(projection: StoreProjection): void {
    if (this.projector !== undefined)
      throw new Error(`Projection ${projection.name} registered after the views started`);
    this.projections.push(projection);
  }

  /** The projector over every registered projection; built once, when the service starts or a tool asks for it. */
  get keeper(): StoreProjector {
    this.projector ??= new StoreProjector({
      name: this.options.name,
      store: this.options.store,
      dataSource: this.options.database,
      projections: this.projections,
      ...(this.options.lock === undefined ? {} : { lock: this.options.lock }),
      ...(this.options.logger === undefined ? {} : { logger: this.options.logger }),
    });
    return this.projector;
  }

  onApplicationBootstrap(): void {
    this.keeper.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
  }

  status(): ProjectorStatus {
    return this.keeper.status();
  }

  /** Waits until the views hold these freshly appended events (bounded: a slow projector never blocks an answer). */
  async caughtUpWith(recorded: readonly RecordedEvent[]): Promise<void> {
    const last = recorded.reduce(
      (max, event) => (event.metadata.globalPosition > max ? event.metadata.globalPosition : max),
      0n,
    );
    if (last > 0n) await this.keeper.caughtUpTo(last, this.options.readYourWritesMs ?? 5_000);
  }

  /**
   * Resolves once the views hold every event stored when it is called (false after `timeoutMs`): for tools and tests
   * that start a service on a store that already holds history.
   */
  async caughtUpWithStore(timeoutMs = 30_000): Promise<boolean> {
    let after = 0n;
    for (;;) {
      const page = await this.options.store.readAll({ after, maxCount: 10_000 });
      after = page.lastScannedPosition;
      if (page.isEnd) break;
    }
    return after === 0n || this.keeper.caughtUpTo(after, timeoutMs);
  }
}
