import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@salesos/http';
import { EVENT_STORE, LEADS_LOGGER } from './leads-service.tokens';
import {
  eventStoreDependency,
  HealthController,
  jsonLogger,
  MessagingHealth,
  type MessagingLogger,
} from '@salesos/messaging';
import { type StreamView, ViewsFeeder } from './shared/views-feeder';
import { SegmentCatalog } from './segments/projections/segment-catalog';
import { LeadDirectory } from './leads/projections/lead-directory';
import { OpenAccounts } from './deal-registrations/projections/open-accounts';
import { AssignmentRuleBook } from './assignment/application/assignment-rule-book';
import { OpportunityBoard } from './opportunities/projections/opportunity-board';
import { LeadsModule } from './leads/leads.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { DealRegistrationsModule } from './deal-registrations/deal-registrations.module';
import { LEADS_PUBLISHING, type LeadsPublishing } from './leads/messaging/leads-publisher';

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

/** The leads service: its features over one event store, with time and ids injected. */
@Module({})
export class LeadsServiceModule {
  static forRoot(options: LeadsServiceOptions): DynamicModule {
    const health = options.health ?? new MessagingHealth();
    // Without its store the service cannot serve: readiness asks it.
    health.register({ dependency: eventStoreDependency(options.store) });
    return {
      module: LeadsServiceModule,
      global: true,
      imports: [LeadsModule, OpportunitiesModule, DealRegistrationsModule],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: LEADS_PUBLISHING, useValue: options.publishing ?? null },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: options.ids ?? new RandomIdGenerator() },
        { provide: LEADS_LOGGER, useValue: options.logger ?? jsonLogger },
        { provide: MessagingHealth, useValue: health },
        {
          // One subscription feeds every view the service keeps of its own streams.
          provide: ViewsFeeder,
          inject: [SegmentCatalog, LeadDirectory, OpenAccounts, AssignmentRuleBook, OpportunityBoard],
          useFactory: (...views: StreamView[]) =>
            new ViewsFeeder(options.store, ['lead', 'segment', 'opportunity', 'assignmentrules'], views),
        },
      ],
      controllers: [HealthController],
      exports: [EVENT_STORE, LEADS_PUBLISHING, Clock, IdGenerator, LEADS_LOGGER, MessagingHealth],
    };
  }
}
