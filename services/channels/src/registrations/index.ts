/** Deal registrations: what other features and the service's composition may use of it. */
export { registrationDecider } from './domain/registration.decider';
export { mapRegistrationEvent } from './messaging/registration-integration.mapper';
