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
import { OrganisationModule, UnitMembership } from './organisation';
import { PeopleModule, PeopleUnitMembership } from './people';
import { staffingPublishedSource, type StaffingPublishing } from './staffing-publishing';
import { TrainingModule } from './training';
import {
  EVENT_STORE,
  STAFFING_DATABASE,
  STAFFING_LOGGER,
  STAFFING_TIMERS_LOCK,
  STAFFING_TRAINING_SETTINGS,
  STAFFING_VIEWS,
  type TrainingSettings,
} from './core/staffing-service.tokens';

export interface StaffingServiceOptions {
  store: EventStore;
  /** The service's own database, with its tables up to date (`openStaffingDatabase`). */
  database: DataSource;
  /** Close the database when the service shuts down: it was opened for the service alone. */
  ownsDatabase?: boolean;
  /** Lets one replica keep the views at a time; without it this process does. */
  viewsLock?: ProjectorLock;
  /** Publish integration events through this transport; without it the service publishes nothing. */
  publishing?: StaffingPublishing;
  clock?: Clock;
  ids?: IdGenerator;
  /** Where background work reports; JSON lines on stderr by default. */
  logger?: MessagingLogger;
  /** Readiness of the relay and consumers; shared when several services run in one process. */
  health?: MessagingHealth;
  /** Serve /health and /metrics; off when another service of the same process serves them. */
  serveHealth?: boolean;
  /** Training: how often the certification expiry timer looks for certifications due (every hour by default). */
  training?: Partial<TrainingSettings>;
}

const defaultTrainingSettings: TrainingSettings = { expiryCheckIntervalMs: 3_600_000 };

/** The staffing service: one Nest module per feature over one event store, with time and ids injected. */
@Module({})
export class StaffingServiceModule {
  static forRoot(options: StaffingServiceOptions): DynamicModule {
    // Readiness asks the store and the database, and says when the views are behind or parked an event.
    const { health, views, lifecycle } = serviceFoundation({ ...options, name: 'staffing' });
    const publisher = new ServicePublisher({
      service: 'staffing',
      store: options.store,
      source: staffingPublishedSource(),
      publishing: options.publishing,
      health,
    });
    return {
      module: StaffingServiceModule,
      global: true,
      imports: [OrganisationModule, PeopleModule, TrainingModule],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: options.ids ?? new RandomIdGenerator() },
        { provide: STAFFING_LOGGER, useValue: options.logger ?? jsonLogger },
        { provide: MessagingHealth, useValue: health },
        { provide: STAFFING_DATABASE, useValue: options.database },
        { provide: STAFFING_VIEWS, useValue: views },
        // The timers run where the views run: one replica at a time.
        { provide: STAFFING_TIMERS_LOCK, useValue: options.viewsLock ?? null },
        { provide: STAFFING_TRAINING_SETTINGS, useValue: { ...defaultTrainingSettings, ...options.training } },
        { provide: ServicePublisher, useValue: publisher },
        // Who belongs to a unit, asked by the organisation before a unit closes: the people feature's view answers.
        { provide: UnitMembership, useExisting: PeopleUnitMembership },
        ...lifecycle.map((instance, index) => ({ provide: Symbol(`staffing lifecycle ${index}`), useValue: instance })),
      ],
      controllers: options.serveHealth === false ? [] : [HealthController],
      exports: [
        EVENT_STORE,
        STAFFING_DATABASE,
        Clock,
        IdGenerator,
        STAFFING_LOGGER,
        MessagingHealth,
        STAFFING_VIEWS,
        STAFFING_TIMERS_LOCK,
        STAFFING_TRAINING_SETTINGS,
        UnitMembership,
      ],
    };
  }
}
