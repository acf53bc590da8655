import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RecordOwnership } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import type { LeadCommand } from '../domain/lead.commands';
import { leadDecider, type LeadState } from '../domain/lead.decider';
import { LeadError, LeadErrorCode } from '../domain/lead.errors';
import type { LeadEvent } from '../domain/lead.events';

/** Whose a lead is, for the caller's reach; none for a lead that does not exist. */
export function leadOwnership(state: LeadState): RecordOwnership | undefined {
  return state.status === 'none'
    ? undefined
    : { divisionId: state.divisionId, ownerRepId: state.ownerRepId ?? null, teamId: state.teamId ?? null };
}

/** The lead streams, acted on for callers within their reach; the views see each write before the caller's answer. */
@Injectable()
export class LeadStreams extends CallerCommands<LeadState, LeadCommand, LeadEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, leadDecider, {
      category: 'lead',
      clock,
      ids,
      access: {
        ownership: leadOwnership,
        refuse: (leadId) => new LeadError(LeadErrorCode.NotFound, `No lead ${leadId} in your reach`),
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** The id of the lead a result is about. */
  static idOf(result: { streamId: string }): string {
    return result.streamId.slice('lead-'.length);
  }
}
