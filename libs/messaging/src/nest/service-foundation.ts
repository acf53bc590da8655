import type { OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { type ProjectorLock, ServiceViews } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { databaseDependency, eventStoreDependency } from '../health/dependencies';
import { MessagingHealth } from '../health/messaging-health';
import { jsonLogger, type MessagingLogger } from '../messaging-logger';

/** What every event-sourced service stands on: its store, its own database, and the views it keeps there. */
export interface ServiceFoundationOptions {
  /** The service's name: its views' projector is `<name>.views`, readiness names `<name> database`. */
  name: string;
  store: EventStore;
  database: DataSource;
  /** Close the database when the service shuts down: it was opened for the service alone. */
  ownsDatabase?: boolean;
  /** Lets one replica keep the views at a time; without it this process does. */
  viewsLock?: ProjectorLock;
  logger?: MessagingLogger;
  /** Shared when several services run in one process. */
  health?: MessagingHealth;
}

export interface ServiceFoundation {
  health: MessagingHealth;
  views: ServiceViews;
  /** Lifecycle objects to register as providers (closing an owned database after everything else). */
  lifecycle: OnApplicationShutdown[];
}

/** Closes the service's own database after everything else has stopped. */
class ClosesDatabase implements OnApplicationShutdown {
  constructor(private readonly database: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.database.isInitialized) await this.database.destroy();
  }
}

/**
 * The service's readiness (its store and its database must answer; its views must not lag or park), and its views,
 * kept from its own streams into its own database.
 */
export function serviceFoundation(options: ServiceFoundationOptions): ServiceFoundation {
  const health = options.health ?? new MessagingHealth();
  health.register({ dependency: eventStoreDependency(options.store) });
  health.register({ dependency: databaseDependency(options.database, `${options.name} database`) });
  const views = new ServiceViews({
    name: `${options.name}.views`,
    store: options.store,
    database: options.database,
    ...(options.viewsLock === undefined ? {} : { lock: options.viewsLock }),
    logger: options.logger ?? jsonLogger,
  });
  health.register({ views: { status: () => views.status(), lag: () => views.keeper.lag() } });
  return {
    health,
    views,
    lifecycle: options.ownsDatabase === true ? [new ClosesDatabase(options.database)] : [],
  };
}
