import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { SegmentCriteria } from '../../core/domain/target-audience';
import type { SegmentResult } from './define-segment.handler';
import { requireOwnSegment } from './own-segment';
import { SegmentStreams } from './segment-streams';

/** Revises a segment's name and criteria; the division's open leads are matched again in the background. */
@Injectable()
export class ReviseSegmentHandler {
  constructor(@Inject(SegmentStreams) private readonly segments: SegmentStreams) {}

  async execute(
    segmentId: string,
    name: string,
    criteria: SegmentCriteria,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<SegmentResult> {
    await requireOwnSegment(this.segments, segmentId, caller);
    return this.segments.run(segmentId, caller, expectedVersion, { type: 'ReviseSegment', data: { name, criteria } });
  }
}
