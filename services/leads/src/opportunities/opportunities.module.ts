import { Module } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { Clock, IdGenerator } from '@salesos/http';
import { EVENT_STORE } from '../leads-service.tokens';
import { LeadCommands } from '../leads/application/lead-commands.service';
import { LeadsModule } from '../leads/leads.module';
import { DealRegistrationsModule } from '../deal-registrations/deal-registrations.module';
import { OpenAccounts } from '../deal-registrations/projections/open-accounts';
import { OpportunitiesController } from './api/opportunities.controller';
import { OpportunityCommands } from './application/opportunity-commands.service';
import { PipelineCatalog } from './application/pipeline-catalog';
import { OpportunityBoard } from './projections/opportunity-board';

@Module({
  imports: [LeadsModule, DealRegistrationsModule],
  controllers: [OpportunitiesController],
  providers: [
    PipelineCatalog,
    OpportunityBoard,
    {
      provide: OpportunityCommands,
      inject: [EVENT_STORE, PipelineCatalog, LeadCommands, Clock, IdGenerator, OpenAccounts, OpportunityBoard],
      useFactory: (
        store: EventStore,
        pipelines: PipelineCatalog,
        leads: LeadCommands,
        clock: Clock,
        ids: IdGenerator,
        openAccounts: OpenAccounts,
        board: OpportunityBoard,
      ) =>
        new OpportunityCommands(store, pipelines, leads, clock, ids, (event) => {
          openAccounts.apply(event);
          board.apply(event);
        }),
    },
  ],
  exports: [OpportunityBoard],
})
export class OpportunitiesModule {}
