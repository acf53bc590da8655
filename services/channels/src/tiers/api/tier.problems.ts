import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { TierError, TierErrorCode } from '../domain/tier.errors';

const titles: Record<TierErrorCode, { title: string; status: number }> = {
  [TierErrorCode.NotFound]: { title: 'Tier record or programme not found', status: 404 },
  [TierErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this tier record', status: 400 },
  [TierErrorCode.UnknownReference]: { title: 'The request names a tier, review or change there is not', status: 400 },
  [TierErrorCode.IdInUse]: { title: 'The id already names something in this tier record', status: 409 },
  [TierErrorCode.ReviewPending]: { title: 'Another tier review awaits a decision', status: 409 },
  [TierErrorCode.ReviewClosed]: { title: 'The tier review was already decided', status: 409 },
  [TierErrorCode.Retroactive]: { title: 'Tier history is corrected, never rewritten', status: 409 },
};

/** The one mapping of tier errors to HTTP; a refusal about a request field names it. */
export const tierProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof TierError)) return undefined;
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
