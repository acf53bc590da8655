/**
 * The staffing service's public entry point: what the platform's composition, tools and benchmarks may use of it.
 * Nothing outside the service imports anything else from it.
 */
export {
  createStaffingApp,
  staffingOpenApi,
  staffingProblemMappers,
  staffingViewsCaughtUp,
  type StaffingAppOptions,
} from './staffing-app';
export { openStaffingDatabase, staffingMigrations } from './staffing-database';
export { StaffingServiceModule, type StaffingServiceOptions } from './staffing-service.module';
export { mapStaffingIntegrationEvents, staffingPublishedSource, type StaffingPublishing } from './staffing-publishing';
/** What the service publishes today, made by its deciders and mappers: for the contracts check. */
export { contractsAwaitingTheirProducer, staffingContractSamples } from './contract-samples';
/** The service's application API, for the demo data. */
export {
  AssignUnitManagerHandler,
  CloseUnitHandler,
  DefinePositionHandler,
  OpenUnitHandler,
  type UnitOpening,
} from './organisation';
export {
  type Hire,
  HirePersonHandler,
  PeopleDirectory,
  RecordDepartureHandler,
  SetOnboardingPlanHandler,
  SetRampScheduleHandler,
  StartLeaveHandler,
  TransferPersonHandler,
} from './people';
export {
  type AssessmentRequest,
  CertificationExpiries,
  type CourseDefinition,
  DefineCourseHandler,
  DefineProgrammeHandler,
  type EnrolmentRequest,
  EnrolPersonHandler,
  RecordAssessmentHandler,
} from './training';
export { startStaffingService } from './main';
