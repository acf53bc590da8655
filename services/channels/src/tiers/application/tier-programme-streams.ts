import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import {
  type DefineTierProgramme,
  tierProgrammeDecider,
  type TierProgrammeState,
} from '../domain/tier-programme.decider';
import type { TierProgrammeEvent } from '../domain/tier-programme.events';

/** Each tier programme is one stream, `tierprogramme-<programmeId>`. */
@Injectable()
export class TierProgrammeStreams extends CallerCommands<TierProgrammeState, DefineTierProgramme, TierProgrammeEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, tierProgrammeDecider, {
      category: 'tierprogramme',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
