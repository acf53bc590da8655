import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { AgreementCommand } from '../domain/agreement.commands';
import { agreementDecider, type AgreementState } from '../domain/agreement.decider';
import { AgreementError, AgreementErrorCode } from '../domain/agreement.errors';
import type { AgreementEvent } from '../domain/agreement.events';

/** Each agreement is one stream, `agreement-<agreementId>`, whose reach is its division and dealer. */
@Injectable()
export class AgreementStreams extends CallerCommands<AgreementState, AgreementCommand, AgreementEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, agreementDecider, {
      category: 'agreement',
      clock,
      ids,
      access: {
        ownership: (state) =>
          state.status === 'none' ? undefined : { divisionId: state.divisionId, dealerId: state.dealerId },
        refuse: () => new AgreementError(AgreementErrorCode.NotFound, 'No agreement with this id in your division'),
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
