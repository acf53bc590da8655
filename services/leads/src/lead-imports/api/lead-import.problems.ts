import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { LeadImportError, LeadImportErrorCode } from '../domain/lead-import.errors';

function status(code: LeadImportErrorCode): number {
  switch (code) {
    case LeadImportErrorCode.NotFound:
      return 404;
    case LeadImportErrorCode.NotResumable:
      return 409;
    case LeadImportErrorCode.TooLarge:
      return 413;
  }
}

const titles: Record<LeadImportErrorCode, string> = {
  [LeadImportErrorCode.NotFound]: 'Import not found',
  [LeadImportErrorCode.NotResumable]: 'The import cannot be resumed',
  [LeadImportErrorCode.TooLarge]: 'The file is larger than an import takes',
};

/** The one mapping of lead import errors to HTTP. */
export const leadImportProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof LeadImportError)) return undefined;
  const { exceeded } = error;
  return {
    type: problemTypeForCode(error.code),
    title: titles[error.code],
    status: status(error.code),
    detail: error.message,
    code: error.code,
    ...(error.status === undefined ? {} : { importStatus: error.status }),
    ...(exceeded === undefined
      ? {}
      : { limit: exceeded.limit, max: exceeded.max, errors: [{ field: 'body', message: error.message }] }),
  };
};
