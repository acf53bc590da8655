import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { DivisionError, DivisionErrorCode } from '../domain/division.errors';

/** The one mapping of division errors to HTTP: a missing division is not found, a bad reference a bad field. */
export const divisionProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof DivisionError)) return undefined;
  switch (error.code) {
    case DivisionErrorCode.NotFound:
      return {
        type: problemTypeForCode(error.code),
        title: 'Division not found',
        status: 404,
        detail: error.message,
        code: error.code,
      };
    case DivisionErrorCode.InvalidRoster:
    case DivisionErrorCode.UnknownReference:
      return {
        type: problemTypeForCode(error.code),
        title: 'The request names something outside its division',
        status: 400,
        detail: error.field === undefined ? error.message : `${error.field} ${error.message}`,
        code: error.code,
        errors: [{ field: error.field ?? 'body', message: error.message }],
      };
  }
};
