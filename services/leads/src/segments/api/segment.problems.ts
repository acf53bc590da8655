import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { SegmentError, SegmentErrorCode } from '../domain/segment.errors';

function status(code: SegmentErrorCode): number {
  switch (code) {
    case SegmentErrorCode.NotFound:
      return 404;
    case SegmentErrorCode.NoCriteria:
      return 400;
    case SegmentErrorCode.AlreadyExists:
    case SegmentErrorCode.Retired:
      return 409;
  }
}

/** The one mapping of segment errors to HTTP. */
export const segmentProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof SegmentError)) return undefined;
  return {
    type: problemTypeForCode(error.code),
    title: error.code === SegmentErrorCode.NotFound ? 'Segment not found' : 'The segment rules refuse this',
    status: status(error.code),
    detail: error.message,
    code: error.code,
    ...(error.code === SegmentErrorCode.NoCriteria ? { errors: [{ field: 'criteria', message: error.message }] } : {}),
  };
};
