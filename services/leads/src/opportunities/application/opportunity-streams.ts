import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RecordOwnership } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import type { OpportunityCommand } from '../domain/opportunity.commands';
import { type Opportunity, opportunityDecider, type OpportunityState } from '../domain/opportunity.decider';
import { OpportunityError, OpportunityErrorCode } from '../domain/opportunity.errors';
import type { OpportunityEvent } from '../domain/opportunity.events';

/** Whose a deal is, for the caller's reach: its owner, its lead's team, and its dealer when a dealer brought it. */
export function opportunityOwnership(opportunity: Opportunity): RecordOwnership {
  const { channel } = opportunity;
  return {
    divisionId: opportunity.divisionId,
    ownerRepId: opportunity.ownerRepId ?? null,
    teamId: opportunity.teamId ?? null,
    dealerId: channel.kind === 'dealer' ? channel.dealerId : null,
  };
}

/** The opportunity streams, acted on for callers within their reach; the views see each write before the answer. */
@Injectable()
export class OpportunityStreams extends CallerCommands<OpportunityState, OpportunityCommand, OpportunityEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, opportunityDecider, {
      category: 'opportunity',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : opportunityOwnership(state)),
        refuse: (opportunityId) =>
          new OpportunityError(OpportunityErrorCode.NotFound, `No opportunity ${opportunityId} in your reach`),
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  static idOf(result: { streamId: string }): string {
    return result.streamId.slice('opportunity-'.length);
  }
}
