import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import type { PositionCommand } from '../domain/position.commands';
import { positionDecider, type PositionState } from '../domain/position.decider';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation.errors';
import type { PositionEvent } from '../domain/position.events';

export const positionNotFound = (positionId: string) =>
  new OrganisationError(OrganisationErrorCode.PositionNotFound, `No position ${positionId} in your division`);

/** Each position is one stream, `position-<positionId>`, acted on for callers of its division. */
@Injectable()
export class PositionStreams extends CallerCommands<PositionState, PositionCommand, PositionEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(STAFFING_VIEWS) views: ServiceViews,
  ) {
    super(store, positionDecider, {
      category: 'position',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: positionNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
