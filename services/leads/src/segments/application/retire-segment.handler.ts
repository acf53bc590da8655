import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { SegmentResult } from './define-segment.handler';
import { requireOwnSegment } from './own-segment';
import { SegmentStreams } from './segment-streams';

/** Retires a segment: leads stop matching it. */
@Injectable()
export class RetireSegmentHandler {
  constructor(@Inject(SegmentStreams) private readonly segments: SegmentStreams) {}

  async execute(
    segmentId: string,
    reason: string,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<SegmentResult> {
    await requireOwnSegment(this.segments, segmentId, caller);
    return this.segments.run(segmentId, caller, expectedVersion, { type: 'RetireSegment', data: { reason } });
  }
}
