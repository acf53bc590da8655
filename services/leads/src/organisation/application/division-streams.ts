import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { divisionDecider, type DivisionState, type RecordDivision } from '../domain/division.decider';
import type { DivisionEvent } from '../domain/division.events';

/** Each division is one stream, `division-<id>`. */
@Injectable()
export class DivisionStreams extends CallerCommands<DivisionState, RecordDivision, DivisionEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, divisionDecider, {
      category: 'division',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
