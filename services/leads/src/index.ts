/**
 * The leads service's public entry point: what the platform's composition, tools and benchmarks may use of it.
 * Nothing outside the service imports anything else from it.
 */
export {
  createLeadsApp,
  consumeChannelsEvents,
  leadsConsumerGroups,
  type LeadsAppOptions,
  leadsOpenApi,
  leadsProblemMappers,
  leadsViewsCaughtUp,
  requireKnownDivisions,
} from './leads-app';
export { leadsMigrations, openLeadsDatabase } from './leads-database';
export { LeadsServiceModule, type LeadsServiceOptions } from './leads-service.module';
export {
  leadsPublishedSource,
  mapLeadsIntegrationEvents,
  publishedCategories,
  type LeadsPublishing,
} from './leads-publishing';
export { leadsContractSamples, takeConsumedEvents } from './contract-samples';
/** The service's application API, for the demo data and the import of other systems' data. */
export { CaptureLeadHandler, DisqualifyLeadHandler, LeadError, NurtureLeadHandler, QualifyLeadHandler } from './leads';
export { DefineSegmentHandler } from './segments';
export { type DivisionRoster, RecordDivisionHandler } from './organisation';
export { type DealerNews, RecordDealerStandingHandler } from './dealers';
export { SetAssignmentRulesHandler } from './assignment';
export {
  defaultPipelines,
  LoseOpportunityHandler,
  MoveOpportunityStageHandler,
  OpenOpportunityFromLeadHandler,
  OpportunityError,
  ReviseForecastHandler,
  WinOpportunityHandler,
} from './opportunities';
export {
  defaultImportLimits,
  type ImportLimits,
  ImportUploads,
  LeadImports,
  type LeadImportSettings,
  type LeadImportTiming,
  MemoryImportUploads,
} from './lead-imports';
export { startLeadsService } from './main';
/**
 * The service's domain, for the demo data, which decides whole stories in memory through the service's own deciders
 * and rules and stores each stream in one append.
 */
export { duplicateKeys, findDuplicates, leadDecider, type LeadState, SegmentRematchPolicy } from './leads';
export { opportunityDecider, defaultLossReasons } from './opportunities';
export { chooseAssignee, type AssignmentRule } from './assignment';
export { segmentsMatching, type SegmentDefinition } from './core/domain/target-audience';
