import { codedProblems } from '@salesos/http';
import { CommunicationError, CommunicationErrorCode } from '../domain/communication.errors';

/** The one mapping of communication-log errors to HTTP; a refusal about a request field names it. */
export const communicationProblems = codedProblems(CommunicationError, {
  [CommunicationErrorCode.NotFound]: { title: 'Contact not found', status: 404 },
  [CommunicationErrorCode.AlreadyExists]: { title: 'The contact is logged already', status: 409 },
  [CommunicationErrorCode.NoFollowUp]: { title: 'The contact agreed no follow-up', status: 409 },
  [CommunicationErrorCode.FollowUpCompleted]: { title: 'The follow-up is completed already', status: 409 },
  [CommunicationErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this contact', status: 400 },
});
