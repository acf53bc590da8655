/** Dealer agreements: what other features and the service's composition may use of it. */
export { agreementDecider } from './domain/agreement.decider';
export { mapAgreementEvent } from './messaging/agreement-integration.mapper';
