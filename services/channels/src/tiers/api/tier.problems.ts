import { codedProblems } from '@salesos/http';
import { TierError, TierErrorCode } from '../domain/tier.errors';

/** The one mapping of tier errors to HTTP; a refusal about a request field names it. */
export const tierProblems = codedProblems(TierError, {
  [TierErrorCode.NotFound]: { title: 'Tier record or programme not found', status: 404 },
  [TierErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this tier record', status: 400 },
  [TierErrorCode.UnknownReference]: { title: 'The request names a tier, review or change there is not', status: 400 },
  [TierErrorCode.IdInUse]: { title: 'The id already names something in this tier record', status: 409 },
  [TierErrorCode.ReviewPending]: { title: 'Another tier review awaits a decision', status: 409 },
  [TierErrorCode.ReviewClosed]: { title: 'The tier review was already decided', status: 409 },
  [TierErrorCode.Retroactive]: { title: 'Tier history is corrected, never rewritten', status: 409 },
});
