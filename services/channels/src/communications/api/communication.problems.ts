import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { CommunicationError, CommunicationErrorCode } from '../domain/communication.errors';

const titles: Record<CommunicationErrorCode, { title: string; status: number }> = {
  [CommunicationErrorCode.NotFound]: { title: 'Contact not found', status: 404 },
  [CommunicationErrorCode.AlreadyExists]: { title: 'The contact is logged already', status: 409 },
  [CommunicationErrorCode.NoFollowUp]: { title: 'The contact agreed no follow-up', status: 409 },
  [CommunicationErrorCode.FollowUpCompleted]: { title: 'The follow-up is completed already', status: 409 },
  [CommunicationErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this contact', status: 400 },
};

/** The one mapping of communication-log errors to HTTP; a refusal about a request field names it. */
export const communicationProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof CommunicationError)) return undefined;
  const { title, status } = titles[error.code];
  return {
    type: problemTypeForCode(error.code),
    title,
    status,
    detail: error.field === undefined ? error.message : `${error.field}: ${error.message}`,
    code: error.code,
    ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
  };
};
