/** The communication log with dealers: what other features and the service's composition may use of it. */
export { CommunicationsModule } from './communications.module';
export {
  ContactLog,
  type ContactRecord,
  type OverdueFollowUp,
  type SilentDealer,
} from './application/contact-log.port';
export { CommunicationError, CommunicationErrorCode } from './domain/communication.errors';
export { communicationProblems } from './api/communication.problems';
export { CreateCommunicationsTables1766000000500 as CommunicationsTables } from './projections/communications-tables.migration';
export { LogContactHandler } from './application/log-contact.handler';
export { CompleteFollowUpHandler } from './application/complete-follow-up.handler';
