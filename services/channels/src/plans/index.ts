/** Dealer plans: what other features and the service's composition may use of it. */
export { PlansModule } from './plans.module';
export { planDecider } from './domain/plan.decider';
export { dealerPlanStreamId } from './domain/plan-period';
export { mapPlanEvent } from './messaging/plan-integration.mapper';
export { planPeriodOfWin, RecordPlanActualHandler, type WonDealActual } from './application/record-plan-actual.handler';
