import { codedProblems } from '@salesos/http';
import { DealerError, DealerErrorCode } from '../domain/dealer.errors';

/** The one mapping of dealer errors to HTTP; a refusal about a request field names it, a state refusal its state. */
export const dealerProblems = codedProblems(
  DealerError,
  {
    [DealerErrorCode.NotFound]: { title: 'Dealer not found', status: 404 },
    [DealerErrorCode.AlreadyExists]: { title: 'The dealer exists already', status: 409 },
    [DealerErrorCode.InvalidTransition]: { title: "The dealer's state does not allow this", status: 409 },
    [DealerErrorCode.RequirementsOpen]: { title: 'Onboarding requirements are still open', status: 409 },
    [DealerErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this dealer', status: 400 },
  },
  (error) => ({
    ...(error.status === undefined ? {} : { dealerStatus: error.status }),
    ...(error.openRequirementIds === undefined ? {} : { openRequirementIds: error.openRequirementIds }),
  }),
);
