/** The people: what other features and the service's composition may use of it. */
export { PeopleModule } from './people.module';
export { PeopleDirectory, type PersonPlacement, type UnitMember } from './application/people-directory.port';
export { PeopleUnitMembership } from './application/people-unit-membership';
export { TeamLeadReach } from './application/team-lead-reach';
export { type Hire, HirePersonHandler } from './application/hire-person.handler';
export { SetOnboardingPlanHandler } from './application/set-onboarding-plan.handler';
export { SetRampScheduleHandler } from './application/set-ramp-schedule.handler';
export { TransferPersonHandler } from './application/transfer-person.handler';
export { StartLeaveHandler } from './application/start-leave.handler';
export { RecordDepartureHandler } from './application/record-departure.handler';
export { type Person, type PersonState } from './domain/person.state';
export { personDecider } from './domain/person.decider';
export type { PersonCommand } from './domain/person.commands';
export { PersonError, PersonErrorCode } from './domain/person.errors';
export { peopleProblems } from './api/people.problems';
export { mapPersonEvent } from './messaging/person-integration.mapper';
export { CreatePeopleTables1767000000200 as PeopleTables } from './projections/people-tables.migration';
