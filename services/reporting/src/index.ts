/** The reporting service's public entry point: what tools and the platform may use of it. */
export {
  createReportingApp,
  type ReportingAppOptions,
  reportingOpenApi,
  reportingProblemMappers,
} from './reporting-app';
export { DashboardBundle, dashboardPaths, prepareDashboard, serveDashboard } from './dashboard';
export { ReportingServiceModule, type ReportingServiceOptions } from './reporting-service.module';
export { openReportingDatabase, type ReportingDatabase } from './reporting-database';
export {
  createProjectionRebuilder,
  dumpTables,
  ProjectionRebuilder,
  projectInMemory,
  projectionsGroup,
  type RebuildName,
  type RebuildProgress,
  rebuildableProjections,
  replay,
  reportingProjections,
} from './read-models';
export { startReportingService } from './main';
