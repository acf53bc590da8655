import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import type { Clock, IdGenerator, RequestContext } from '@salesos/http';
import { CommandRunner } from '../../shared/command-runner';
import type { SegmentCriteria } from '../domain/segment-criteria';
import {
  type SegmentCommand,
  segmentDecider,
  SegmentError,
  SegmentErrorCode,
  type SegmentEvent,
  type SegmentState,
} from '../domain/segment.decider';
import type { SegmentCatalog } from '../projections/segment-catalog';

export type SegmentResult = CommandResult<SegmentState, SegmentEvent>;

/** Target audiences of a division; the catalog sees each change at once, so the next capture matches against it. */
export class SegmentCommands {
  readonly runner: CommandRunner<SegmentState, SegmentCommand, SegmentEvent>;

  constructor(store: EventStore, catalog: SegmentCatalog, clock: Clock, ids: IdGenerator) {
    this.runner = new CommandRunner(store, segmentDecider, 'segment', clock, ids, (event) => catalog.apply(event));
  }

  define(name: string, criteria: SegmentCriteria, context: RequestContext): Promise<SegmentResult> {
    const segmentId = this.runner.newId(context, 'segment');
    return this.runner.run(
      segmentId,
      context,
      undefined,
      {
        type: 'DefineSegment',
        data: { segmentId, divisionId: context.divisionId, name, criteria },
      },
      true,
    );
  }

  async revise(
    segmentId: string,
    name: string,
    criteria: SegmentCriteria,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<SegmentResult> {
    await this.requireOwn(segmentId, context);
    return this.runner.run(segmentId, context, expectedVersion, { type: 'ReviseSegment', data: { name, criteria } });
  }

  async retire(
    segmentId: string,
    reason: string,
    context: RequestContext,
    expectedVersion?: number,
  ): Promise<SegmentResult> {
    await this.requireOwn(segmentId, context);
    return this.runner.run(segmentId, context, expectedVersion, { type: 'RetireSegment', data: { reason } });
  }

  /** A segment as the caller may read it: one of the division the request acts on, or none (404). */
  async read(segmentId: string, context: RequestContext): Promise<{ state: SegmentState; version: number }> {
    const { state, version } = await this.runner.load(segmentId);
    if (state.status === 'none' || state.divisionId !== context.divisionId) {
      throw new SegmentError(SegmentErrorCode.NotFound, 'No segment with this id in your division');
    }
    return { state, version };
  }

  /** A segment of another division is reported as missing, as the decider reports a missing one. */
  private async requireOwn(segmentId: string, context: RequestContext): Promise<void> {
    const { state } = await this.runner.load(segmentId);
    if (state.status !== 'none' && state.divisionId !== context.divisionId) {
      throw new SegmentError(SegmentErrorCode.NotFound, 'No segment with this id in your division');
    }
  }
}
