import type { RequestContext } from '@salesos/http';
import { SegmentError, SegmentErrorCode } from '../domain/segment.errors';
import type { SegmentStreams } from './segment-streams';

/** A segment of another division is reported as missing, as the decider reports a missing one. */
export async function requireOwnSegment(
  segments: SegmentStreams,
  segmentId: string,
  caller: RequestContext,
): Promise<void> {
  const { state } = await segments.load(segmentId);
  if (state.status !== 'none' && state.divisionId !== caller.divisionId) {
    throw new SegmentError(SegmentErrorCode.NotFound, 'No segment with this id in your division');
  }
}
