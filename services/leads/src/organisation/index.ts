/** The sales organisation: what other features and the service's composition may use of it. */
export { OrganisationModule } from './organisation.module';
export { Organisation } from './application/organisation.port';
export { RecordDivisionHandler } from './application/record-division.handler';
export { type DivisionRoster } from './domain/division.events';
export { DivisionError, DivisionErrorCode } from './domain/division.errors';
export { KnownDivisionGuard } from './api/known-division.guard';
export { divisionProblems } from './api/division.problems';
export { CreateOrganisationTables1765000000400 as OrganisationTables } from './projections/organisation-tables.migration';
