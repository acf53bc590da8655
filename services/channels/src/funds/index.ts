/** Market development funds: what other features and the service's composition may use of it. */
export { FundsModule } from './funds.module';
export { FundError, FundErrorCode } from './domain/fund.errors';
export { fundPosition, type FundPosition } from './domain/fund-position';
export { fundProblems } from './api/fund.problems';
