/** The leads service's public entry point: what tools and the platform may use of it. */
export { createLeadsApp, consumeDealRegistrations, leadsOpenApi, leadsProblemMappers } from './leads-app';
export { LeadsServiceModule, type LeadsServiceOptions } from './leads-service.module';
export { leadsContractSamples, takeConsumedEvents } from './contract-samples';
