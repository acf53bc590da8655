import type { IntegrationEventContract, TopicDefinition } from '../integration-event';
import { id, instant, money, payload } from './schema-parts';

const days = (count: number): number => count * 24 * 60 * 60 * 1000;

export const leadTopic: TopicDefinition = {
  name: 'salesos.leads.lead',
  description: 'Lifecycle of leads: capture, qualification, assignment and conversion. Key: lead id.',
  partitions: 6,
  retentionMs: days(90),
};

export const opportunityTopic: TopicDefinition = {
  name: 'salesos.leads.opportunity',
  description: 'Movement of opportunities through their pipeline, and their outcome. Key: opportunity id.',
  partitions: 6,
  retentionMs: days(90),
};

export const dealRegistrationDecisionTopic: TopicDefinition = {
  name: 'salesos.leads.deal-registration-decision',
  description: "The leads service's answer to each deal registration: accepted, or in conflict. Key: registration id.",
  partitions: 3,
  retentionMs: days(90),
};

const decision = {
  service: 'leads',
  topic: dealRegistrationDecisionTopic,
  subjectField: 'registrationId',
  version: 1,
} as const;
const lead = { service: 'leads', topic: leadTopic, subjectField: 'leadId', version: 1 } as const;
const opportunity = { service: 'leads', topic: opportunityTopic, subjectField: 'opportunityId', version: 1 } as const;
const stage = { type: 'string', minLength: 1, maxLength: 60 } as const;
const probability = { type: 'number', minimum: 0, maximum: 1 } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const products = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['productId', 'quantity'],
    additionalProperties: false,
    properties: { productId: id, quantity: { type: 'integer', minimum: 1 } },
  },
} as const;
const channel = { type: 'string', enum: ['direct', 'dealer'] } as const;

export const leadsContracts: IntegrationEventContract[] = [
  {
    ...decision,
    name: 'DealRegistrationAccepted',
    description: 'No open lead or opportunity exists for the company: the dealer holds the deal.',
    schema: payload('An accepted registration', {
      registrationId: id,
      divisionId: id,
      dealerId: id,
      companyName: { type: 'string', minLength: 1, maxLength: 200 },
      rule: { type: 'string', maxLength: 200 },
      decidedAt: instant,
    }),
  },
  {
    ...decision,
    name: 'DealRegistrationConflicted',
    description: 'An open lead or opportunity for the same company came first; the first-come rule is named.',
    schema: payload('A registration in conflict', {
      registrationId: id,
      divisionId: id,
      dealerId: id,
      companyName: { type: 'string', minLength: 1, maxLength: 200 },
      rule: { type: 'string', maxLength: 200 },
      conflictingLeadIds: { type: 'array', items: id },
      conflictingOpportunityIds: { type: 'array', items: id },
      decidedAt: instant,
    }),
  },
  {
    ...lead,
    name: 'LeadCaptured',
    description: 'A new lead entered the system from a source or campaign.',
    schema: payload(
      'A captured lead',
      {
        leadId: id,
        divisionId: id,
        source: { type: 'string', minLength: 1, maxLength: 60 },
        campaign: { type: 'string', maxLength: 120 },
        companyName: { type: 'string', minLength: 1, maxLength: 200 },
        industry: { type: 'string', maxLength: 80 },
        territory: { type: 'string', maxLength: 80 },
        estimatedValue: money,
        segmentIds: { type: 'array', items: id },
        capturedAt: instant,
      },
      ['campaign', 'industry', 'territory', 'estimatedValue'],
    ),
  },
  {
    ...lead,
    name: 'LeadQualified',
    description: 'A lead was qualified as a real sales prospect.',
    schema: payload('A qualified lead', {
      leadId: id,
      divisionId: id,
      score: { type: 'number' },
      qualifiedAt: instant,
    }),
  },
  {
    ...lead,
    name: 'LeadDisqualified',
    description: 'A lead was disqualified, with the reason.',
    schema: payload('A disqualified lead', {
      leadId: id,
      divisionId: id,
      reason: { type: 'string', minLength: 1, maxLength: 200 },
      disqualifiedAt: instant,
    }),
  },
  {
    ...lead,
    name: 'LeadAssigned',
    description:
      'A lead was assigned or reassigned to a sales rep; the rule that fired is named, and the team it chose from ' +
      '(since 1.3.0).',
    schema: payload(
      'An assignment',
      {
        leadId: id,
        divisionId: id,
        repId: id,
        previousRepId: id,
        rule: { type: 'string', maxLength: 80 },
        teamId: id,
        assignedAt: instant,
      },
      ['previousRepId', 'teamId'],
    ),
  },
  {
    ...lead,
    name: 'LeadConverted',
    description: 'A lead became an opportunity.',
    schema: payload('A conversion', { leadId: id, divisionId: id, opportunityId: id, convertedAt: instant }),
  },
  {
    ...opportunity,
    name: 'OpportunityOpened',
    description:
      'An opportunity entered a pipeline: the account, forecast, products, channel and owner, and the lead it came from.',
    schema: payload(
      'An opened opportunity',
      {
        opportunityId: id,
        divisionId: id,
        leadId: id,
        accountName: { type: 'string', minLength: 1, maxLength: 200 },
        pipelineId: id,
        stageId: stage,
        probability,
        amount: money,
        expectedCloseDate: day,
        products,
        channel,
        dealerId: id,
        ownerRepId: id,
        openedAt: instant,
      },
      ['leadId', 'dealerId', 'ownerRepId'],
    ),
  },
  {
    ...opportunity,
    name: 'OpportunityForecastRevised',
    description:
      'A new belief about the amount and close date. effectiveAt is business time (when it became true); the ' +
      'CloudEvents time is when it was recorded.',
    schema: payload('A revised forecast', {
      opportunityId: id,
      divisionId: id,
      amount: money,
      expectedCloseDate: day,
      previousAmount: money,
      previousExpectedCloseDate: day,
      effectiveAt: instant,
    }),
  },
  {
    ...opportunity,
    name: 'OpportunityProductsChanged',
    description: 'The products and quantities of an opportunity changed.',
    schema: payload('Changed products', { opportunityId: id, divisionId: id, products, changedAt: instant }),
  },
  {
    ...opportunity,
    name: 'OpportunityChannelAttributed',
    description: 'The opportunity was attributed to the direct channel or to a dealer.',
    schema: payload(
      'A channel attribution',
      { opportunityId: id, divisionId: id, channel, dealerId: id, attributedAt: instant },
      ['dealerId'],
    ),
  },
  {
    ...opportunity,
    name: 'OpportunityReopened',
    description: 'A won or lost opportunity was reopened at a stage.',
    schema: payload('A reopened opportunity', {
      opportunityId: id,
      divisionId: id,
      stageId: stage,
      probability,
      reopenedAt: instant,
    }),
  },
  {
    ...opportunity,
    name: 'OpportunityStageChanged',
    description: 'An opportunity moved forward or backward in its pipeline.',
    schema: payload('A stage change', {
      opportunityId: id,
      divisionId: id,
      pipelineId: id,
      fromStage: stage,
      toStage: stage,
      probability,
      amount: money,
      changedAt: instant,
    }),
  },
  {
    ...opportunity,
    name: 'OpportunityWon',
    description: 'An opportunity was won, with the final amount and the channel that brought it.',
    schema: payload(
      'A won deal',
      {
        opportunityId: id,
        divisionId: id,
        amount: money,
        channel: { type: 'string', maxLength: 80 },
        dealerId: id,
        wonAt: instant,
      },
      ['dealerId'],
    ),
  },
  {
    ...opportunity,
    name: 'OpportunityLost',
    description: "An opportunity was lost, with a reason from the division's list.",
    schema: payload('A lost deal', {
      opportunityId: id,
      divisionId: id,
      reason: { type: 'string', minLength: 1, maxLength: 120 },
      lostAt: instant,
    }),
  },
];
