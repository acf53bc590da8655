/** Market development funds: what other features and the service's composition may use of it. */
export { FundsModule } from './funds.module';
export { FundError, FundErrorCode } from './domain/fund.errors';
export { fundPosition, type FundPosition } from './domain/fund-position';
export { fundProblems } from './api/fund.problems';
export { fundDecider } from './domain/fund.decider';
export { fundBudgetStreamId } from './domain/fund.events';
export { mapFundEvent } from './messaging/fund-integration.mapper';
