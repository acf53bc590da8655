import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import type { SegmentCommand } from '../domain/segment.commands';
import { segmentDecider, type SegmentState } from '../domain/segment.decider';
import type { SegmentEvent } from '../domain/segment.events';

/** The segment streams, acted on for callers; the views see each write before the caller is answered. */
@Injectable()
export class SegmentStreams extends CallerCommands<SegmentState, SegmentCommand, SegmentEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, segmentDecider, {
      category: 'segment',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
