/** Dealer plans: what other features and the service's composition may use of it. */
export { planDecider } from './domain/plan.decider';
export { dealerPlanStreamId } from './domain/plan-period';
export { mapPlanEvent } from './messaging/plan-integration.mapper';
