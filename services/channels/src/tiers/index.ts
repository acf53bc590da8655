/** Dealer tiers: what other features and the service's composition may use of it. */
export { TiersModule } from './tiers.module';
export { TierDirectory, type DealerTierRecord, type TierProgrammeRecord } from './application/tier-directory.port';
export { tierAsOf, type TierAsOf } from './domain/tier-history';
export { TierError, TierErrorCode } from './domain/tier.errors';
export { tierProblems } from './api/tier.problems';
export { CreateTiersTables1766000000400 as TiersTables } from './projections/tiers-tables.migration';
export { tierRecordDecider } from './domain/tier-record.decider';
export type { TierProgrammeDefinition } from './domain/tier-programme.events';
export { mapTierEvent } from './messaging/tier-integration.mapper';
export { DefineTierProgrammeHandler } from './application/define-tier-programme.handler';
export { AssignTierHandler } from './application/assign-tier.handler';
export { ProposeTierChangeHandler } from './application/propose-tier-change.handler';
export { ConfirmTierChangeHandler } from './application/confirm-tier-change.handler';
