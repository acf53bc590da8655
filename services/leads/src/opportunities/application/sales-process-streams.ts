import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import {
  type SalesProcess,
  type SalesProcessCommand,
  salesProcessDecider,
  type SalesProcessEvent,
} from '../domain/sales-process.decider';

/** Each division's sales process is one stream, `salesprocess-<division>`. */
@Injectable()
export class SalesProcessStreams extends CallerCommands<SalesProcess, SalesProcessCommand, SalesProcessEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, salesProcessDecider, {
      category: 'salesprocess',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
