import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { DealerNotReached } from '../application/channel-reports';

/** The one mapping of the channel reports' errors to HTTP: a dealer out of the caller's reach reads as not found. */
export const channelReportProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof DealerNotReached)) return undefined;
  return {
    type: problemTypeForCode(error.code),
    title: 'Dealer not found',
    status: 404,
    detail: error.message,
    code: error.code,
  };
};
