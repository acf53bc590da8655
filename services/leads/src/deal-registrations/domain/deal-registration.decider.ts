import { Type } from '@sinclair/typebox';
import { CompanyName, DealRegistrationRule } from '@salesos/contracts';
import { type Command, type Decider, defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant } from '@salesos/kernel';

export const firstComeRule =
  'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered';

interface Registration {
  registrationId: string;
  divisionId: string;
  dealerId: string;
  companyName: string;
}

const registration = { registrationId: Id, divisionId: Id, dealerId: Id, companyName: CompanyName };

/** A registration's answer, defined once and checked on the way into the store and out of it. */
export const dealRegistrationEvents = defineEvents({
  DealRegistrationAccepted: Type.Object({ ...registration, rule: DealRegistrationRule, decidedAt: Instant }),
  DealRegistrationConflicted: Type.Object({
    ...registration,
    rule: DealRegistrationRule,
    conflictingLeadIds: Type.Array(Id),
    conflictingOpportunityIds: Type.Array(Id),
    decidedAt: Instant,
  }),
});
export type DealRegistrationEvent = EventOf<typeof dealRegistrationEvents>;

export type DecideDealRegistration = Command<
  'DecideDealRegistration',
  Registration & {
    /** Open leads and opportunities of the division for the same company, found by the application. */
    openLeadIds: string[];
    openOpportunityIds: string[];
  }
>;

export type DealRegistrationState = { status: 'none' } | { status: 'accepted' | 'conflicted' };

/** The leads service's answer to a dealer's registration, decided once. */
export const dealRegistrationDecider: Decider<DealRegistrationState, DecideDealRegistration, DealRegistrationEvent> = {
  events: dealRegistrationEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): DealRegistrationEvent[] {
    if (state.status !== 'none') return [];
    const { openLeadIds, openOpportunityIds, ...registration } = command.data;
    const decidedAt = command.metadata.now;
    if (openLeadIds.length === 0 && openOpportunityIds.length === 0) {
      return [{ type: 'DealRegistrationAccepted', data: { ...registration, rule: firstComeRule, decidedAt } }];
    }
    return [
      {
        type: 'DealRegistrationConflicted',
        data: {
          ...registration,
          rule: firstComeRule,
          conflictingLeadIds: openLeadIds,
          conflictingOpportunityIds: openOpportunityIds,
          decidedAt,
        },
      },
    ];
  },

  evolve(_state, event): DealRegistrationState {
    return { status: event.type === 'DealRegistrationAccepted' ? 'accepted' : 'conflicted' };
  },
};
