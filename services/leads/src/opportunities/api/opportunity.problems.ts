import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { OpportunityError, OpportunityErrorCode } from '../domain/opportunity.errors';

function status(code: OpportunityErrorCode): number {
  switch (code) {
    case OpportunityErrorCode.NotFound:
      return 404;
    case OpportunityErrorCode.UnknownStage:
    case OpportunityErrorCode.UnknownLossReason:
    case OpportunityErrorCode.UnknownWonReason:
    case OpportunityErrorCode.InvalidProducts:
    case OpportunityErrorCode.EffectiveOutsideDeal:
      return 400;
    case OpportunityErrorCode.AlreadyExists:
    case OpportunityErrorCode.WrongPipeline:
    case OpportunityErrorCode.Closed:
    case OpportunityErrorCode.NotClosed:
      return 409;
  }
}

/** Errors that are a bad value in the request name the field it came in. */
const fieldOf: Partial<Record<OpportunityErrorCode, string>> = {
  [OpportunityErrorCode.UnknownStage]: 'stageId',
  [OpportunityErrorCode.UnknownLossReason]: 'reason',
  [OpportunityErrorCode.UnknownWonReason]: 'reason',
  [OpportunityErrorCode.InvalidProducts]: 'products',
  [OpportunityErrorCode.EffectiveOutsideDeal]: 'effectiveAt',
};

/** The one mapping of opportunity errors to HTTP. */
export const opportunityProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof OpportunityError)) return undefined;
  const field = fieldOf[error.code];
  return {
    type: problemTypeForCode(error.code),
    title: error.code === OpportunityErrorCode.NotFound ? 'Opportunity not found' : 'The opportunity rules refuse this',
    status: status(error.code),
    detail: error.message,
    code: error.code,
    ...(field === undefined ? {} : { errors: [{ field, message: error.message }] }),
  };
};
