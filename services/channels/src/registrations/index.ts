/** Deal registrations: what other features and the service's composition may use of it. */
export { RegistrationsModule } from './registrations.module';
export { registrationDecider } from './domain/registration.decider';
export { RegistrationError, RegistrationErrorCode } from './domain/registration.errors';
export { registrationProblems } from './api/registration.problems';
export { RegistrationLapses } from './application/registration-lapses';
export { SubmitRegistrationHandler } from './application/submit-registration.handler';
export { ReadRegistrationQuery } from './application/read-registration.query';
export { CreateRegistrationsTables1766000000600 as RegistrationsTables } from './projections/registrations-tables.migration';
export { mapRegistrationEvent } from './messaging/registration-integration.mapper';
