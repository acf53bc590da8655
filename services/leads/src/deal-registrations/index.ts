/** Deal registration intake: what the service's composition uses of it. */
export { DealRegistrationsModule } from './deal-registrations.module';
export { dealRegistrationDecider, firstComeRule } from './domain/deal-registration.decider';
export { mapDealRegistrationEvent } from './messaging/deal-registration-integration.mapper';
