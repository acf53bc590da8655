import { Module } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
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

@Module({
  imports: [DealRegistrationsModule],
  controllers: [LeadsController, SegmentsController, AssignmentRulesController],
  providers: [
    LeadDirectory,
    SegmentCatalog,
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
      inject: [EVENT_STORE, LeadCommands, AssignmentService, Clock, IdGenerator, LEADS_LOGGER],
      useFactory: (
        store: EventStore,
        leads: LeadCommands,
        assignment: AssignmentService,
        clock: Clock,
        ids: IdGenerator,
        logger: MessagingLogger,
      ) => new LeadImports(store, leads, assignment, clock, ids, logger),
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
  exports: [LeadCommands, LeadDirectory, SegmentCatalog, AssignmentRuleBook],
})
export class LeadsModule {}
