import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import type { ProjectorLock } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@salesos/http';
import {
  HealthController,
  jsonLogger,
  MessagingHealth,
  type MessagingLogger,
  ServicePublisher,
  serviceFoundation,
} from '@salesos/messaging';
import { AgreementsModule } from './agreements';
import { CatalogueModule } from './catalogue';
import { DealersModule } from './dealers';
import { TiersModule } from './tiers';
import { CommunicationsModule } from './communications';
import { FundsModule } from './funds';
import { RegistrationsModule } from './registrations';
import { PlansModule } from './plans';
import { channelsPublishedSource, type ChannelsPublishing } from './channels-publishing';
import {
  CHANNELS_DATABASE,
  CHANNELS_LOGGER,
  CHANNELS_REGISTRATION_SETTINGS,
  CHANNELS_TIMERS_LOCK,
  CHANNELS_VIEWS,
  EVENT_STORE,
  type RegistrationSettings,
} from './core/channels-service.tokens';

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
  /** Deal registrations: the days without progress after which an accepted one lapses (90 by default), and how
   * often the lapse timer looks (every minute by default). */
  registrations?: Partial<RegistrationSettings>;
}

const defaultRegistrationSettings: RegistrationSettings = { lapseAfterDays: 90, lapseCheckIntervalMs: 60_000 };

/** The channels service: one Nest module per feature over one event store, with time and ids injected. */
@Module({})
export class ChannelsServiceModule {
  static forRoot(options: ChannelsServiceOptions): DynamicModule {
    // Readiness asks the store and the database, and says when the views are behind or parked an event.
    const { health, views, lifecycle } = serviceFoundation({ ...options, name: 'channels' });
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
      imports: [
        CatalogueModule,
        DealersModule,
        AgreementsModule,
        TiersModule,
        CommunicationsModule,
        FundsModule,
        RegistrationsModule,
        PlansModule,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: options.ids ?? new RandomIdGenerator() },
        { provide: CHANNELS_LOGGER, useValue: options.logger ?? jsonLogger },
        { provide: MessagingHealth, useValue: health },
        { provide: CHANNELS_DATABASE, useValue: options.database },
        { provide: CHANNELS_VIEWS, useValue: views },
        {
          provide: CHANNELS_REGISTRATION_SETTINGS,
          useValue: { ...defaultRegistrationSettings, ...options.registrations },
        },
        // The timers run where the views run: one replica at a time.
        { provide: CHANNELS_TIMERS_LOCK, useValue: options.viewsLock ?? null },
        { provide: ServicePublisher, useValue: publisher },
        ...lifecycle.map((instance, index) => ({ provide: Symbol(`channels lifecycle ${index}`), useValue: instance })),
      ],
      controllers: options.serveHealth === false ? [] : [HealthController],
      exports: [
        EVENT_STORE,
        CHANNELS_DATABASE,
        Clock,
        IdGenerator,
        CHANNELS_LOGGER,
        MessagingHealth,
        CHANNELS_VIEWS,
        CHANNELS_REGISTRATION_SETTINGS,
        CHANNELS_TIMERS_LOCK,
      ],
    };
  }
}
