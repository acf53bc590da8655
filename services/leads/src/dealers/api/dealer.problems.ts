import { codedProblems } from '@salesos/http';
import { DealerError, DealerErrorCode } from '../domain/dealer.errors';

/**
 * The one mapping of dealer refusals to HTTP, each naming the request field: a dealer the division does not have is
 * a bad value (400), one it has that may not take deals now a rule's refusal (409).
 */
export const dealerProblems = codedProblems(DealerError, {
  [DealerErrorCode.Unknown]: { title: 'The deal names an unknown dealer', status: 400 },
  [DealerErrorCode.Suspended]: { title: 'The dealer is suspended', status: 409 },
  [DealerErrorCode.Terminated]: { title: 'The dealer is terminated', status: 409 },
});
