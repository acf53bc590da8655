/** Dealer plans: what other features and the service's composition may use of it. */
export { PlansModule } from './plans.module';
export { PlanStreams } from './application/plan-streams';
export { type PlanFigures, SetDealerPlanHandler } from './application/set-dealer-plan.handler';
export { planDecider } from './domain/plan.decider';
export { dealerPlanStreamId } from './domain/plan-period';
export { PlanError, PlanErrorCode } from './domain/plan.errors';
export { planProblems } from './api/plan.problems';
export { CreatePlansTables1766000000700 as PlansTables } from './projections/plans-tables.migration';
export { mapPlanEvent } from './messaging/plan-integration.mapper';
export { planPeriodOfWin, RecordPlanActualHandler, type WonDealActual } from './application/record-plan-actual.handler';
