/**
 * The channels service's public entry point: what the platform's composition, tools and benchmarks may use of it.
 * Nothing outside the service imports anything else from it.
 */
export {
  channelsConsumerGroup,
  channelsOpenApi,
  channelsProblemMappers,
  channelsViewsCaughtUp,
  connectLeadsEvents,
  consumeLeadsEvents,
  createChannelsApp,
  type ChannelsAppOptions,
  type ChannelsConsuming,
} from './channels-app';
export { channelsMigrations, openChannelsDatabase } from './channels-database';
export { ChannelsServiceModule, type ChannelsServiceOptions } from './channels-service.module';
export { channelsPublishedSource, mapChannelsIntegrationEvents, type ChannelsPublishing } from './channels-publishing';
/** What the service publishes today, made by its deciders and mappers: for the contracts check. */
export { channelsContractSamples } from './contract-samples';
/** The service's application API, for the demo data. */
export { DefineChannelHandler } from './catalogue';
export {
  ActivateDealerHandler,
  AddDealerUserHandler,
  ApplyAsDealerHandler,
  ApproveApplicationHandler,
  onboardingRequirements,
  RejectApplicationHandler,
  SuspendDealerHandler,
  TerminateDealerHandler,
  TickRequirementHandler,
} from './dealers';
export { DraftAgreementVersionHandler, SignAgreementVersionHandler } from './agreements';
export {
  AssignTierHandler,
  ConfirmTierChangeHandler,
  DefineTierProgrammeHandler,
  ProposeTierChangeHandler,
} from './tiers';
/** The deciders of dealers and their tier records, for a benchmark that decides years of dealer history in memory. */
export { dealerDecider } from './dealers';
export { tierRecordDecider, type TierProgrammeDefinition } from './tiers';
export { CompleteFollowUpHandler, LogContactHandler } from './communications';
export {
  AllocateFundBudgetHandler,
  ApproveFundRequestHandler,
  ClaimFundsHandler,
  PayFundClaimHandler,
  RejectFundRequestHandler,
  RequestFundsHandler,
} from './funds';
export { type PlanFigures, SetDealerPlanHandler } from './plans';
export { ReadRegistrationQuery, RegistrationLapses, SubmitRegistrationHandler } from './registrations';
export { startChannelsService } from './main';
