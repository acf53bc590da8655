/** The agreements with dealers: what other features and the service's composition may use of it. */
export { AgreementsModule } from './agreements.module';
export { AgreementRegister, type AgreementRecord } from './application/agreement-register.port';
export { AgreementError, AgreementErrorCode } from './domain/agreement.errors';
export { termsInForce, expiringWithin } from './domain/agreement.queries';
export { agreementProblems } from './api/agreement.problems';
export { CreateAgreementsTables1766000000300 as AgreementsTables } from './projections/agreements-tables.migration';
export { agreementDecider } from './domain/agreement.decider';
export { mapAgreementEvent } from './messaging/agreement-integration.mapper';
export { DraftAgreementVersionHandler } from './application/draft-agreement-version.handler';
export { SignAgreementVersionHandler } from './application/sign-agreement-version.handler';
