import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads';
import { OrganisationModule } from '../organisation';
import { AttributeChannelHandler } from './application/attribute-channel.handler';
import { ChangeProductsHandler } from './application/change-products.handler';
import { LoseOpportunityHandler } from './application/lose-opportunity.handler';
import { MoveOpportunityStageHandler } from './application/move-opportunity-stage.handler';
import { OpenOpportunityFromLeadHandler } from './application/open-opportunity-from-lead.handler';
import { OpenOpportunityHandler } from './application/open-opportunity.handler';
import { OpportunityBoard } from './application/opportunity-board.port';
import { OpportunityStreams } from './application/opportunity-streams';
import { PipelineCatalog } from './application/pipeline-catalog';
import { ReadOpportunityQuery } from './application/read-opportunity.query';
import { ReopenOpportunityHandler } from './application/reopen-opportunity.handler';
import { ReviseForecastHandler } from './application/revise-forecast.handler';
import { WinOpportunityHandler } from './application/win-opportunity.handler';
import { OpportunitiesController } from './api/opportunities.controller';
import { OpportunitiesTable } from './projections/opportunities.table';

/** The pipeline: deals opened on their own or from a lead, moved through stages, forecast, won, lost, reopened. */
@Module({
  imports: [OrganisationModule, LeadsModule],
  controllers: [OpportunitiesController],
  providers: [
    OpportunityStreams,
    PipelineCatalog,
    OpportunitiesTable,
    { provide: OpportunityBoard, useExisting: OpportunitiesTable },
    ReadOpportunityQuery,
    OpenOpportunityHandler,
    OpenOpportunityFromLeadHandler,
    MoveOpportunityStageHandler,
    ReviseForecastHandler,
    ChangeProductsHandler,
    AttributeChannelHandler,
    WinOpportunityHandler,
    LoseOpportunityHandler,
    ReopenOpportunityHandler,
  ],
  exports: [
    OpportunityBoard,
    OpenOpportunityFromLeadHandler,
    MoveOpportunityStageHandler,
    ReviseForecastHandler,
    WinOpportunityHandler,
    LoseOpportunityHandler,
  ],
})
export class OpportunitiesModule {}
