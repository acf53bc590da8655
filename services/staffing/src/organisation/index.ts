/** The sales organisation: what other features and the service's composition may use of it. */
export { OrganisationModule } from './organisation.module';
export { UnitDirectory, type UnitRecord } from './application/unit-directory.port';
export { PositionDirectory, type PositionRecord } from './application/position-directory.port';
export { UnitMembership } from './application/unit-membership.port';
export { type UnitOpening, OpenUnitHandler } from './application/open-unit.handler';
export { AssignUnitManagerHandler } from './application/assign-unit-manager.handler';
export { CloseUnitHandler } from './application/close-unit.handler';
export { DefinePositionHandler } from './application/define-position.handler';
export { isOpenOn, managerOn, type Unit, unitDecider, type UnitState } from './domain/unit.decider';
export type { UnitCommand } from './domain/unit.commands';
export { type Position, positionDecider } from './domain/position.decider';
export type { PositionCommand } from './domain/position.commands';
export { OrganisationError, OrganisationErrorCode } from './domain/organisation.errors';
export { organisationProblems } from './api/organisation.problems';
export { mapUnitEvent } from './messaging/unit-integration.mapper';
export { CreateOrganisationTables1767000000100 as OrganisationTables } from './projections/organisation-tables.migration';
