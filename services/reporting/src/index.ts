/** The reporting service's public entry point: what tools and the platform may use of it. */
export { createReportingApp, reportingOpenApi, reportingProblemMappers } from './reporting-app';
export { ReportingServiceModule, type ReportingServiceOptions } from './reporting-service.module';
export { projectInMemory } from './released-examples';
