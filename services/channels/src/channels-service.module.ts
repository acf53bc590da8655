import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { type ProjectorLock, ServiceViews } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@salesos/http';
import {
  databaseDependency,
  eventStoreDependency,
  HealthController,
  jsonLogger,
  MessagingHealth,
  type MessagingLogger,
  ServicePublisher,
} from '@salesos/messaging';
import { CatalogueModule } from './catalogue';
import { DealersModule } from './dealers';
import { CommunicationsModule } from './communications';
import { FundsModule } from './funds';
import { channelsPublishedSource, type ChannelsPublishing } from './channels-publishing';
import { CHANNELS_DATABASE, CHANNELS_LOGGER, CHANNELS_VIEWS, EVENT_STORE } from './core/channels-service.tokens';

export interface ChannelsServiceOptions {
  store: EventStore;
  /** The service's own database, with its tables up to date (`openChannelsDatabase`). */
  database: DataSource;
  /** Close the database when the service shuts down: it was opened for the service alone. */
  ownsDatabase?: boolean;
  /** Lets one replica keep the views at a time; without it this process does. */
  viewsLock?: ProjectorLock;
  /** Publish integration events through this transport; without it the service publishes nothing. */
  publishing?: ChannelsPublishing;
  clock?: Clock;
  ids?: IdGenerator;
  /** Where background work reports; JSON lines on stderr by default. */
  logger?: MessagingLogger;
  /** Readiness of the relay and consumers; shared when several services run in one process. */
  health?: MessagingHealth;
  /** Serve /health and /metrics; off when another service of the same process serves them. */
  serveHealth?: boolean;
}

/** Closes the service's own database after everything else has stopped. */
class ClosesDatabase implements OnApplicationShutdown {
  constructor(private readonly database: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.database.isInitialized) await this.database.destroy();
  }
}

/** The channels service: one Nest module per feature over one event store, with time and ids injected. */
@Module({})
export class ChannelsServiceModule {
  static forRoot(options: ChannelsServiceOptions): DynamicModule {
    const health = options.health ?? new MessagingHealth();
    // Without its store and its own database the service cannot serve: readiness asks both.
    health.register({ dependency: eventStoreDependency(options.store) });
    health.register({ dependency: databaseDependency(options.database, 'channels database') });
    const views = new ServiceViews({
      name: 'channels.views',
      store: options.store,
      database: options.database,
      ...(options.viewsLock === undefined ? {} : { lock: options.viewsLock }),
      logger: options.logger ?? jsonLogger,
    });
    health.register({ views: { status: () => views.status(), lag: () => views.keeper.lag() } });
    const publisher = new ServicePublisher({
      service: 'channels',
      store: options.store,
      source: channelsPublishedSource(),
      publishing: options.publishing,
      health,
    });
    return {
      module: ChannelsServiceModule,
      global: true,
      imports: [CatalogueModule, DealersModule, CommunicationsModule, FundsModule],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: options.ids ?? new RandomIdGenerator() },
        { provide: CHANNELS_LOGGER, useValue: options.logger ?? jsonLogger },
        { provide: MessagingHealth, useValue: health },
        { provide: CHANNELS_DATABASE, useValue: options.database },
        { provide: CHANNELS_VIEWS, useValue: views },
        { provide: ServicePublisher, useValue: publisher },
        ...(options.ownsDatabase === true
          ? [{ provide: ClosesDatabase, useValue: new ClosesDatabase(options.database) }]
          : []),
      ],
      controllers: options.serveHealth === false ? [] : [HealthController],
      exports: [EVENT_STORE, CHANNELS_DATABASE, Clock, IdGenerator, CHANNELS_LOGGER, MessagingHealth, CHANNELS_VIEWS],
    };
  }
}
