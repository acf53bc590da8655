/** Market development funds: what other features and the service's composition may use of it. */
export { fundDecider } from './domain/fund.decider';
export { fundBudgetStreamId } from './domain/fund.events';
export { mapFundEvent } from './messaging/fund-integration.mapper';
