/** The reporting service's public entry point: what tools and the platform may use of it. */
export { createReportingApp, reportingOpenApi, reportingProblemMappers } from './reporting-app';
export { ReportingServiceModule, type ReportingServiceOptions } from './reporting-service.module';
export { projectInMemory } from './released-examples';
export { openReportingDatabase, type ReportingDatabase } from './shared/reporting-database';
export {
  ProjectionRebuilder,
  type RebuildName,
  type RebuildProgress,
  rebuildableProjections,
} from './shared/projection-rebuild';
export type { IntegrationEventHistory, IntegrationEventPage } from './shared/integration-event-history.port';
export { projectionsGroup } from './shared/projections-consumer';
