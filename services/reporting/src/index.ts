/** The reporting service's public entry point: what tools and the platform may use of it. */
export { createReportingApp, reportingOpenApi, reportingProblemMappers } from './reporting-app';
export { ReportingServiceModule, type ReportingServiceOptions } from './reporting-service.module';
export { openReportingDatabase, type ReportingDatabase } from './reporting-database';
export {
  createProjectionRebuilder,
  ProjectionRebuilder,
  projectInMemory,
  projectionsGroup,
  type RebuildName,
  type RebuildProgress,
  rebuildableProjections,
  replay,
} from './read-models';
export { startReportingService } from './main';
