import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import {
  type DealRegistrationEvent,
  dealRegistrationDecider,
  type DecideDealRegistration,
  firstComeRule,
} from './deal-registration.decider';

const now = '2026-05-01T08:00:00.000Z';
const registration = { registrationId: 'reg-1', divisionId: 'north', dealerId: 'dealer-3', companyName: 'Acme GmbH' };
const decide = (openLeadIds: string[], openOpportunityIds: string[]): DecideDealRegistration => ({
  type: 'DecideDealRegistration',
  data: { ...registration, openLeadIds, openOpportunityIds },
  metadata: { commandId: 'c1', now },
});
const accepted: DealRegistrationEvent = {
  type: 'DealRegistrationAccepted',
  data: { ...registration, rule: firstComeRule, decidedAt: now },
};
const spec = DeciderSpecification.for(dealRegistrationDecider);

describe('deal registration decider', () => {
  it('accepts a registration when nothing open exists for the company', () => {
    spec.given([]).when(decide([], [])).then([accepted]);
  });

  it('answers conflict naming what came first, and the rule', () => {
    spec
      .given([])
      .when(decide(['lead-1'], ['opp-2']))
      .then([
        {
          type: 'DealRegistrationConflicted',
          data: {
            ...registration,
            rule: firstComeRule,
            conflictingLeadIds: ['lead-1'],
            conflictingOpportunityIds: ['opp-2'],
            decidedAt: now,
          },
        },
      ]);
  });

  it('decides once: a redelivered registration changes nothing', () => {
    spec
      .given([accepted])
      .when(decide(['lead-9'], []))
      .thenNothingHappens();
  });
});
