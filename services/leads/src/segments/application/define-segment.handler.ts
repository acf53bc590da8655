import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import type { RequestContext } from '@salesos/http';
import type { SegmentCriteria } from '../../core/domain/target-audience';
import type { SegmentState } from '../domain/segment.decider';
import type { SegmentEvent } from '../domain/segment.events';
import { SegmentStreams } from './segment-streams';

export type SegmentResult = CommandResult<SegmentState, SegmentEvent>;

/** Defines a target audience of the caller's division. */
@Injectable()
export class DefineSegmentHandler {
  constructor(@Inject(SegmentStreams) private readonly segments: SegmentStreams) {}

  execute(name: string, criteria: SegmentCriteria, caller: RequestContext): Promise<SegmentResult> {
    const segmentId = this.segments.newId(caller, 'segment');
    const command = {
      type: 'DefineSegment' as const,
      data: { segmentId, divisionId: caller.divisionId, name, criteria },
    };
    return this.segments.run(segmentId, caller, undefined, command, true);
  }
}
