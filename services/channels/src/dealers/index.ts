/** The dealers: what other features and the service's composition may use of it. */
export { DealersModule } from './dealers.module';
export { DealerDirectory, type DealerRecord } from './application/dealer-directory.port';
export { type Dealer, dealerDecider, type DealerStatus } from './domain/dealer.decider';
export type { DealerCommand } from './domain/dealer.commands';
export { DealerError, DealerErrorCode } from './domain/dealer.errors';
export { CreateDealersTables1766000000200 as DealersTables } from './projections/dealers-tables.migration';
export { AddDealerCompanyKey1766000000210 as DealerCompanyKey } from './projections/dealers-company-key.migration';
export { dealerProblems } from './api/dealer.problems';
export { mapDealerEvent } from './messaging/dealer-integration.mapper';
export { ApplyAsDealerHandler } from './application/apply-as-dealer.handler';
export { ApproveApplicationHandler } from './application/approve-application.handler';
export { RejectApplicationHandler } from './application/reject-application.handler';
export { TickRequirementHandler } from './application/tick-requirement.handler';
export { ActivateDealerHandler } from './application/activate-dealer.handler';
export { SuspendDealerHandler } from './application/suspend-dealer.handler';
export { TerminateDealerHandler } from './application/terminate-dealer.handler';
export { AddDealerUserHandler } from './application/add-dealer-user.handler';
export { onboardingRequirements } from './domain/onboarding-requirements';
