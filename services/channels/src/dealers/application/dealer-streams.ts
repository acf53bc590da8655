import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RecordOwnership, type RequestContext, rowScope } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { DealerCommand } from '../domain/dealer.commands';
import { type Dealer, dealerDecider, type DealerState } from '../domain/dealer.decider';
import { DealerError, DealerErrorCode } from '../domain/dealer.errors';
import type { DealerEvent } from '../domain/dealer.events';

/** Whose a dealer is: its division's, and its own users' (a dealer's users reach only their dealer). */
export function dealerOwnership(dealer: Dealer): RecordOwnership {
  return { divisionId: dealer.divisionId, dealerId: dealer.dealerId };
}

/**
 * Whether a caller of the dealer's division sees it: everyone of the organisation sees the division's dealers, a
 * dealer's users only their own dealer.
 */
export function dealerInReach(caller: RequestContext, dealer: Dealer): boolean {
  if (dealer.divisionId !== caller.divisionId) return false;
  if (caller.principal === undefined) return true;
  const scope = rowScope(caller.principal);
  return scope.kind !== 'dealer' || scope.dealerId === dealer.dealerId;
}

export const dealerNotFound = (dealerId: string) =>
  new DealerError(DealerErrorCode.NotFound, `No dealer ${dealerId} in your reach`);

/** Each dealer is one stream, `dealer-<dealerId>`, acted on for callers within their reach. */
@Injectable()
export class DealerStreams extends CallerCommands<DealerState, DealerCommand, DealerEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, dealerDecider, {
      category: 'dealer',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : dealerOwnership(state)),
        refuse: dealerNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
