import {
  type ContractData,
  DealRegistrationAcceptedV1,
  DealRegistrationConflictedV1,
  type IntegrationEvent,
  type IntegrationEventContract,
  OpportunityOpenedV1,
} from '@salesos/contracts';

let sequence = 0;

/** A leads service event as the consumer receives it, for the tests of what this service hears. */
export function leadsEvent<Contract extends IntegrationEventContract>(
  contract: Contract,
  subject: string,
  data: ContractData<Contract>,
  id = `msg-${(sequence += 1)}`,
): IntegrationEvent<ContractData<Contract>> {
  return {
    id,
    type: contract.type,
    source: '/salesos/leads',
    subject,
    time: '2026-05-01T08:00:05.000Z',
    data,
    divisionId: 'north',
  };
}

export const rule =
  'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered';

export const accepted = (registrationId: string, decidedAt = '2026-05-01T08:00:05.000Z', dealerId = 'dealer-1') =>
  leadsEvent(DealRegistrationAcceptedV1, registrationId, {
    registrationId,
    divisionId: 'north',
    dealerId,
    companyName: 'Brandt Maschinenbau AG',
    rule,
    decidedAt,
  });

export const conflicted = (registrationId: string, dealerId = 'dealer-1') =>
  leadsEvent(DealRegistrationConflictedV1, registrationId, {
    registrationId,
    divisionId: 'north',
    dealerId,
    companyName: 'Brandt Maschinenbau AG',
    rule,
    conflictingLeadIds: ['lead-1'],
    conflictingOpportunityIds: [],
    decidedAt: '2026-05-01T08:00:05.000Z',
  });

export const opened = (opportunityId: string, changes: Partial<ContractData<typeof OpportunityOpenedV1>> = {}) =>
  leadsEvent(OpportunityOpenedV1, opportunityId, {
    opportunityId,
    divisionId: 'north',
    accountName: 'Brandt Maschinenbau AG',
    pipelineId: 'new-business',
    stageId: 'prospecting',
    probability: 0.1,
    amount: { amount: 50_000, currency: 'EUR' },
    expectedCloseDate: '2026-07-31',
    products: [{ productId: 'presses', quantity: 2 }],
    channel: 'dealer',
    dealerId: 'dealer-1',
    openedAt: '2026-05-03T09:00:00.000Z',
    ...changes,
  });
