import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
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
import { DefinePipelineHandler } from './application/define-pipeline.handler';
import { PipelineCatalog } from './application/pipeline-catalog';
import { SalesProcessStreams } from './application/sales-process-streams';
import { SetOpportunityReasonsHandler } from './application/set-opportunity-reasons.handler';
import { ReadOpportunityQuery } from './application/read-opportunity.query';
import { ReopenOpportunityHandler } from './application/reopen-opportunity.handler';
import { ReviseForecastHandler } from './application/revise-forecast.handler';
import { WinOpportunityHandler } from './application/win-opportunity.handler';
import { OpportunitiesController } from './api/opportunities.controller';
import { SalesProcessController } from './api/sales-process.controller';
import { OpportunitiesTable } from './projections/opportunities.table';
import { SalesProcessTable } from './projections/sales-process.table';

/**
 * The pipeline: each division's sales process (pipelines, won and loss reasons), and deals opened on their own or from
 * a lead, moved through stages, forecast, won, lost, reopened.
 */
@Module({
  imports: [OrganisationModule, LeadsModule, DealersModule],
  controllers: [OpportunitiesController, SalesProcessController],
  providers: [
    OpportunityStreams,
    SalesProcessStreams,
    SalesProcessTable,
    { provide: PipelineCatalog, useExisting: SalesProcessTable },
    DefinePipelineHandler,
    SetOpportunityReasonsHandler,
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
