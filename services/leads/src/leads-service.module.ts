import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@salesos/http';
import { HealthController, jsonLogger, MessagingHealth, type MessagingLogger } from '@salesos/messaging';
import { AssignmentModule } from './assignment';
import { EVENT_STORE, LEADS_LOGGER } from './core/leads-service.tokens';
import { ServiceViews } from './core/views-feeder';
import { DealRegistrationsModule } from './deal-registrations';
import { LeadImportsModule } from './lead-imports';
import { LeadsModule } from './leads';
import { LEADS_PUBLISHING, LeadsPublisher, type LeadsPublishing } from './leads-publishing';
import { OpportunitiesModule } from './opportunities';
import { SegmentsModule } from './segments';

export interface LeadsServiceOptions {
  store: EventStore;
  /** Publish integration events through this transport; without it the service publishes nothing. */
  publishing?: LeadsPublishing;
  clock?: Clock;
  ids?: IdGenerator;
  /** Where background work (rematching, imports) reports; JSON lines on stderr by default. */
  logger?: MessagingLogger;
  /** Readiness of the relay and consumers; shared when several services run in one process. */
  health?: MessagingHealth;
}

/** The leads service: one Nest module per feature over one event store, with time and ids injected. */
@Module({})
export class LeadsServiceModule {
  static forRoot(options: LeadsServiceOptions): DynamicModule {
    return {
      module: LeadsServiceModule,
      global: true,
      imports: [
        SegmentsModule,
        AssignmentModule,
        LeadsModule,
        LeadImportsModule,
        OpportunitiesModule,
        DealRegistrationsModule,
      ],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: LEADS_PUBLISHING, useValue: options.publishing ?? null },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: options.ids ?? new RandomIdGenerator() },
        { provide: LEADS_LOGGER, useValue: options.logger ?? jsonLogger },
        { provide: MessagingHealth, useValue: options.health ?? new MessagingHealth() },
        { provide: ServiceViews, useValue: new ServiceViews(options.store) },
        LeadsPublisher,
      ],
      controllers: [HealthController],
      exports: [EVENT_STORE, LEADS_PUBLISHING, Clock, IdGenerator, LEADS_LOGGER, MessagingHealth, ServiceViews],
    };
  }
}
