import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { LeadError, LeadErrorCode } from '../domain/lead.errors';

function status(code: LeadErrorCode): number {
  switch (code) {
    case LeadErrorCode.NotFound:
      return 404;
    case LeadErrorCode.AlreadyExists:
    case LeadErrorCode.Duplicate:
    case LeadErrorCode.InvalidTransition:
    case LeadErrorCode.SelfMerge:
      return 409;
  }
}

const titles: Partial<Record<LeadErrorCode, string>> = {
  [LeadErrorCode.NotFound]: 'Lead not found',
};

/** The one mapping of lead errors to HTTP. */
export const leadProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof LeadError)) return undefined;
  return {
    type: problemTypeForCode(error.code),
    title: titles[error.code] ?? 'The lead rules refuse this',
    status: status(error.code),
    detail: error.message,
    code: error.code,
    ...(error.details.duplicates
      ? { duplicates: error.details.duplicates, hint: 'Send "force": true to capture it anyway, or merge the leads.' }
      : {}),
    ...(error.details.status ? { leadStatus: error.details.status } : {}),
  };
};
