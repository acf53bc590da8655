/** The pipeline of opportunities: what other features and the service's composition may use of it. */
export { OpportunitiesModule } from './opportunities.module';
export { OpportunityBoard } from './application/opportunity-board.port';
export { OpenOpportunityFromLeadHandler } from './application/open-opportunity-from-lead.handler';
export { MoveOpportunityStageHandler } from './application/move-opportunity-stage.handler';
export { ReviseForecastHandler } from './application/revise-forecast.handler';
export { WinOpportunityHandler } from './application/win-opportunity.handler';
export { LoseOpportunityHandler } from './application/lose-opportunity.handler';
export { OpportunityError } from './domain/opportunity.errors';
export { defaultLossReasons, defaultPipelines, defaultWonReasons } from './domain/pipeline';
export { PipelineCatalog } from './application/pipeline-catalog';
export { opportunityProblems } from './api/opportunity.problems';
export { salesProcessProblems } from './api/sales-process.problems';
export { mapOpportunityEvent } from './messaging/opportunity-integration.mapper';
export { opportunityDecider } from './domain/opportunity.decider';
export { CreateOpportunitiesTables1765000000300 as OpportunitiesTables } from './projections/opportunities-tables.migration';
export { CreateSalesProcessTables1765000000510 as SalesProcessTables } from './projections/sales-process-tables.migration';
