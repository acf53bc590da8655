import type { Command, Decider, DomainEvent } from '@salesos/event-sourcing';

export const firstComeRule =
  'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered';

interface Registration {
  registrationId: string;
  divisionId: string;
  dealerId: string;
  companyName: string;
}

export type DealRegistrationEvent =
  | DomainEvent<'DealRegistrationAccepted', Registration & { rule: string; decidedAt: string }>
  | DomainEvent<
      'DealRegistrationConflicted',
      Registration & {
        rule: string;
        conflictingLeadIds: string[];
        conflictingOpportunityIds: string[];
        decidedAt: string;
      }
    >;

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
