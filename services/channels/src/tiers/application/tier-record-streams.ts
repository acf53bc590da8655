import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { TierRecordCommand } from '../domain/tier-record.commands';
import { tierRecordDecider, type TierRecordState } from '../domain/tier-record.decider';
import type { TierRecordEvent } from '../domain/tier-record.events';
import { TierError, TierErrorCode } from '../domain/tier.errors';

/** Each dealer's tier record is one stream, `dealertier-<dealerId>`, within reach of its division and dealer. */
@Injectable()
export class TierRecordStreams extends CallerCommands<TierRecordState, TierRecordCommand, TierRecordEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, tierRecordDecider, {
      category: 'dealertier',
      clock,
      ids,
      access: {
        ownership: (state) =>
          state.status === 'none' ? undefined : { divisionId: state.divisionId, dealerId: state.dealerId },
        refuse: () => new TierError(TierErrorCode.NotFound, 'No dealer tier record with this id in your division'),
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
