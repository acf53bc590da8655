/** Market development funds: what other features and the service's composition may use of it. */
export { FundsModule } from './funds.module';
export { FundError, FundErrorCode } from './domain/fund.errors';
export { fundPosition, type FundPosition } from './domain/fund-position';
export { fundProblems } from './api/fund.problems';
export { fundDecider } from './domain/fund.decider';
export { fundBudgetStreamId } from './domain/fund.events';
export { mapFundEvent } from './messaging/fund-integration.mapper';
export { AllocateFundBudgetHandler } from './application/allocate-fund-budget.handler';
export { RequestFundsHandler } from './application/request-funds.handler';
export { ApproveFundRequestHandler } from './application/approve-fund-request.handler';
export { RejectFundRequestHandler } from './application/reject-fund-request.handler';
export { ClaimFundsHandler } from './application/claim-funds.handler';
export { PayFundClaimHandler } from './application/pay-fund-claim.handler';
