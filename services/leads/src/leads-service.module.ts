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
import { AssignmentModule } from './assignment';
import { EVENT_STORE, LEADS_DATABASE, LEADS_LOGGER } from './core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { DealRegistrationsModule } from './deal-registrations';
import { DealersModule } from './dealers';
import { LEAD_IMPORT_SETTINGS, LeadImportsModule, type LeadImportSettings } from './lead-imports';
import { LeadsModule } from './leads';
import { leadsPublishedSource, type LeadsPublishing } from './leads-publishing';
import { OpportunitiesModule } from './opportunities';
import { OrganisationModule } from './organisation';
import { SegmentsModule } from './segments';

export interface LeadsServiceOptions {
  store: EventStore;
  /** The service's own database, with its tables up to date (`openLeadsDatabase`). */
  database: DataSource;
  /** Close the database when the service shuts down: it was opened for the service alone. */
  ownsDatabase?: boolean;
  /** Lets one replica keep the views at a time; without it this process does. */
  viewsLock?: ProjectorLock;
  /** Publish integration events through this transport; without it the service publishes nothing. */
  publishing?: LeadsPublishing;
  clock?: Clock;
  ids?: IdGenerator;
  /** Where background work (rematching, imports) reports; JSON lines on stderr by default. */
  logger?: MessagingLogger;
  /** Readiness of the relay and consumers; shared when several services run in one process. */
  health?: MessagingHealth;
  /** How large a CSV import may be, how its jobs are timed, and where uploads are kept (the service's database). */
  imports?: LeadImportSettings;
}

/** The leads service: one Nest module per feature over one event store, with time and ids injected. */
@Module({})
export class LeadsServiceModule {
  static forRoot(options: LeadsServiceOptions): DynamicModule {
    // Readiness asks the store and the database, and says when the views are behind or parked an event.
    const { health, views, lifecycle } = serviceFoundation({ ...options, name: 'leads' });
    return {
      module: LeadsServiceModule,
      global: true,
      imports: [
        OrganisationModule,
        DealersModule,
        SegmentsModule,
        AssignmentModule,
        LeadsModule,
        LeadImportsModule,
        OpportunitiesModule,
        DealRegistrationsModule,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: options.ids ?? new RandomIdGenerator() },
        { provide: LEADS_LOGGER, useValue: options.logger ?? jsonLogger },
        { provide: MessagingHealth, useValue: health },
        { provide: LEADS_DATABASE, useValue: options.database },
        { provide: ServiceViews, useValue: views },
        { provide: LEAD_IMPORT_SETTINGS, useValue: options.imports ?? {} },
        {
          provide: ServicePublisher,
          useValue: new ServicePublisher({
            service: 'leads',
            store: options.store,
            source: leadsPublishedSource(),
            publishing: options.publishing,
            health,
          }),
        },
        ...lifecycle.map((instance, index) => ({ provide: Symbol(`leads lifecycle ${index}`), useValue: instance })),
      ],
      controllers: [HealthController],
      exports: [
        EVENT_STORE,
        LEADS_DATABASE,
        Clock,
        IdGenerator,
        LEADS_LOGGER,
        MessagingHealth,
        ServiceViews,
        LEAD_IMPORT_SETTINGS,
      ],
    };
  }
}
