import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { SalesProcessError, SalesProcessErrorCode } from '../domain/sales-process.decider';

/** The one mapping of sales process errors to HTTP: a bad definition names its field; a stage in use is a conflict. */
export const salesProcessProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof SalesProcessError)) return undefined;
  const conflict = error.code === SalesProcessErrorCode.StageInUse;
  return {
    type: problemTypeForCode(error.code),
    title: conflict ? 'Open deals are in this stage' : 'The sales process is not valid',
    status: conflict ? 409 : 400,
    detail: conflict ? error.message : `${error.field} ${error.message}`,
    code: error.code,
    errors: [{ field: error.field, message: error.message }],
  };
};
