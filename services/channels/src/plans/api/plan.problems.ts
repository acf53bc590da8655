import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { PlanError, PlanErrorCode } from '../domain/plan.errors';

const titles: Record<PlanErrorCode, { title: string; status: number }> = {
  [PlanErrorCode.NotFound]: { title: 'Plan not found', status: 404 },
  [PlanErrorCode.OutsidePeriod]: { title: "The deal was won outside the plan's period", status: 400 },
  [PlanErrorCode.InvalidInput]: { title: 'The plan does not add up', status: 400 },
};

/** The one mapping of plan errors to HTTP; a refusal about a request field names it. */
export const planProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof PlanError)) return undefined;
  const { title, status } = titles[error.code];
  return {
    type: problemTypeForCode(error.code),
    title,
    status,
    detail: error.field === undefined || status !== 400 ? error.message : `${error.field} ${error.message}`,
    code: error.code,
    ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
  };
};
