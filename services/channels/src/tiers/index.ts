/** Partner tiers: what other features and the service's composition may use of it. */
export { tierRecordDecider } from './domain/tier-record.decider';
export type { TierProgrammeDefinition } from './domain/tier-programme.events';
export { mapTierEvent } from './messaging/tier-integration.mapper';
