/** The channels service's dealers as the leads service knows them: what other features and the composition use. */
export { DealersModule } from './dealers.module';
export { ChannelDealers } from './application/channel-dealers.port';
export { dealerNewsOf } from './application/dealer-news';
export { RecordDealerStandingHandler } from './application/record-dealer-standing.handler';
export {
  type DealerNews,
  dealerStandingDecider,
  type DealerStandingState,
  type KnownDealer,
} from './domain/dealer-standing.decider';
export { DealerError, DealerErrorCode } from './domain/dealer.errors';
export { dealerProblems } from './api/dealer.problems';
export { CreateDealersTables1765000000610 as DealersTables } from './projections/dealers-tables.migration';
