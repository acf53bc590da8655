import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '@salesos/event-store';
import { Clock, IdGenerator } from '@salesos/http';
import { SegmentCatalog } from '../segments/projections/segment-catalog';
import { LeadCommands } from './application/lead-commands.service';
import { LeadImports } from './application/lead-imports.service';
import { AssignmentRulesController } from '../assignment/api/assignment-rules.controller';
import { AssignmentRuleBook } from '../assignment/application/assignment-rule-book';
import { AssignmentService } from '../assignment/application/assignment.service';
import { LeadsController } from './api/leads.controller';
import { LeadDirectory } from './projections/lead-directory';
import { EVENT_STORE, LEADS_LOGGER } from '../leads-service.tokens';
import type { MessagingLogger } from '@salesos/messaging';
import { LeadSegmentRematcher } from './application/lead-segment-rematcher';
import { LeadsPublisher } from './messaging/leads-publisher';
import { SegmentsController } from '../segments/api/segments.controller';
import { SegmentCommands } from '../segments/application/segment-commands.service';
import { DealRegistrationsModule } from '../deal-registrations/deal-registrations.module';
import { OpenAccounts } from '../deal-registrations/projections/open-accounts';

/** Feeds the service's own views from its streams: catch-up at start, then live. */
class LeadViewsFeeder implements OnModuleInit, OnApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LeadDirectory) private readonly directory: LeadDirectory,
    @Inject(SegmentCatalog) private readonly segments: SegmentCatalog,
    @Inject(OpenAccounts) private readonly openAccounts: OpenAccounts,
    @Inject(AssignmentRuleBook) private readonly assignmentRules: AssignmentRuleBook,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = this.store.subscribe({
      filter: { categories: ['lead', 'segment', 'opportunity', 'assignmentrules'] },
      batchSize: 1000,
      handler: (event: RecordedEvent) => {
        this.segments.apply(event);
        this.directory.apply(event);
        this.openAccounts.apply(event);
        this.assignmentRules.apply(event);
      },
    });
    await this.subscription.caughtUp;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}

@Module({
  imports: [DealRegistrationsModule],
  controllers: [LeadsController, SegmentsController, AssignmentRulesController],
  providers: [
    LeadDirectory,
    SegmentCatalog,
    LeadViewsFeeder,
    LeadsPublisher,
    AssignmentRuleBook,
    {
      provide: AssignmentService,
      inject: [EVENT_STORE, AssignmentRuleBook, LeadDirectory, LeadCommands, Clock, IdGenerator],
      useFactory: (
        store: EventStore,
        book: AssignmentRuleBook,
        directory: LeadDirectory,
        leads: LeadCommands,
        clock: Clock,
        ids: IdGenerator,
      ) => new AssignmentService(store, book, directory, leads, clock, ids),
    },
    {
      provide: LeadSegmentRematcher,
      inject: [EVENT_STORE, LeadDirectory, SegmentCatalog, LeadCommands, LEADS_LOGGER],
      useFactory: (
        store: EventStore,
        directory: LeadDirectory,
        segments: SegmentCatalog,
        leads: LeadCommands,
        logger: MessagingLogger,
      ) => new LeadSegmentRematcher(store, directory, segments, leads, logger),
    },
    {
      provide: LeadImports,
      inject: [LeadCommands, IdGenerator],
      useFactory: (leads: LeadCommands, ids: IdGenerator) => new LeadImports(leads, ids),
    },
    {
      provide: SegmentCommands,
      inject: [EVENT_STORE, SegmentCatalog, Clock, IdGenerator],
      useFactory: (store: EventStore, catalog: SegmentCatalog, clock: Clock, ids: IdGenerator) =>
        new SegmentCommands(store, catalog, clock, ids),
    },
    {
      provide: LeadCommands,
      inject: [EVENT_STORE, LeadDirectory, SegmentCatalog, Clock, IdGenerator, OpenAccounts],
      useFactory: (
        store: EventStore,
        directory: LeadDirectory,
        segments: SegmentCatalog,
        clock: Clock,
        ids: IdGenerator,
        openAccounts: OpenAccounts,
      ) => new LeadCommands(store, directory, segments, clock, ids, (event) => openAccounts.apply(event)),
    },
  ],
  exports: [LeadCommands],
})
export class LeadsModule {}
