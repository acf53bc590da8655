import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { SegmentState } from '../domain/segment.decider';
import { SegmentError, SegmentErrorCode } from '../domain/segment.errors';
import { SegmentStreams } from './segment-streams';

/** One segment as its stream has it now, if it is the caller's division's; otherwise not found. */
@Injectable()
export class ReadSegmentQuery {
  constructor(@Inject(SegmentStreams) private readonly segments: SegmentStreams) {}

  async execute(
    segmentId: string,
    caller: RequestContext,
  ): Promise<{ state: Exclude<SegmentState, { status: 'none' }>; version: number }> {
    const { state, version } = await this.segments.load(segmentId);
    if (state.status === 'none' || state.divisionId !== caller.divisionId) {
      throw new SegmentError(SegmentErrorCode.NotFound, 'No segment with this id in your division');
    }
    return { state, version };
  }
}
