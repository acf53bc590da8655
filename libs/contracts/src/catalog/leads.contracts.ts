import { Type } from '@sinclair/typebox';
import { CalendarDay, Id, Instant, Money } from '@salesos/kernel';
import { defineContract, type IntegrationEventContract, keptForever, type TopicDefinition } from '../integration-event';
import {
  AccountName,
  AssignmentRuleKind,
  Campaign,
  ChannelKind,
  CompanyName,
  DealerChannelId,
  DealRegistrationRule,
  DisqualificationReason,
  Industry,
  LeadScore,
  LeadSource,
  LossReason,
  Probability,
  ProductLines,
  StageId,
  Territory,
  WonReason,
} from '../fields/leads.fields';

const days = (count: number): number => count * 24 * 60 * 60 * 1000;

export const leadTopic: TopicDefinition = {
  name: 'salesos.leads.lead',
  description: 'Lifecycle of leads: capture, qualification, assignment and conversion. Key: lead id.',
  partitions: 6,
  retentionMs: keptForever,
};

export const opportunityTopic: TopicDefinition = {
  name: 'salesos.leads.opportunity',
  description: 'Movement of opportunities through their pipeline, and their outcome. Key: opportunity id.',
  partitions: 6,
  retentionMs: keptForever,
};

export const dealRegistrationDecisionTopic: TopicDefinition = {
  name: 'salesos.leads.deal-registration-decision',
  description: "The leads service's answer to each deal registration: accepted, or in conflict. Key: registration id.",
  partitions: 3,
  retentionMs: days(90),
};

/** The examples tell one story: a lead of the machines division becomes a deal, which is won, lost and reopened. */
const story = {
  divisionId: 'machines',
  leadId: '2b7e1a52-6c1f-4e0a-9d3b-5f2a8c4e1d90',
  opportunityId: '8c3d2e1f-7a6b-4c5d-8e9f-0a1b2c3d4e5f',
  registrationId: 'registration-17',
  dealerId: 'dealer-4',
  dealerChannelId: 'dealer-network',
  repId: 'rep-machines-07',
} as const;
const price = { amount: 48_500, currency: 'EUR' };
const products = [{ productId: 'press-200', quantity: 2 }];

const lead = { service: 'leads', topic: leadTopic, version: 1 } as const;
const opportunity = { service: 'leads', topic: opportunityTopic, version: 1 } as const;
const decision = { service: 'leads', topic: dealRegistrationDecisionTopic, version: 1 } as const;

export const LeadCapturedV1 = defineContract({
  ...lead,
  name: 'LeadCaptured',
  subjectField: 'leadId',
  description: 'A new lead entered the system from a source or campaign.',
  schema: Type.Object(
    {
      leadId: Id,
      divisionId: Id,
      source: LeadSource,
      campaign: Type.Optional(Campaign),
      companyName: CompanyName,
      industry: Type.Optional(Industry),
      territory: Type.Optional(Territory),
      estimatedValue: Type.Optional(Money),
      segmentIds: Type.Array(Id),
      capturedAt: Instant,
    },
    { description: 'A captured lead' },
  ),
  example: {
    leadId: story.leadId,
    divisionId: story.divisionId,
    source: 'trade-fair',
    campaign: 'Hannover Messe 2026',
    companyName: 'Keller Stanztechnik GmbH',
    industry: 'metalworking',
    territory: 'south',
    estimatedValue: price,
    segmentIds: ['mid-market'],
    capturedAt: '2026-04-20T09:15:00.000Z',
  },
});

export const LeadQualifiedV1 = defineContract({
  ...lead,
  name: 'LeadQualified',
  subjectField: 'leadId',
  description: 'A lead was qualified as a real sales prospect.',
  schema: Type.Object(
    { leadId: Id, divisionId: Id, score: LeadScore, qualifiedAt: Instant },
    { description: 'A qualified lead' },
  ),
  example: { leadId: story.leadId, divisionId: story.divisionId, score: 55, qualifiedAt: '2026-04-22T14:00:00.000Z' },
});

export const LeadDisqualifiedV1 = defineContract({
  ...lead,
  name: 'LeadDisqualified',
  subjectField: 'leadId',
  description: 'A lead was disqualified, with the reason.',
  schema: Type.Object(
    { leadId: Id, divisionId: Id, reason: DisqualificationReason, disqualifiedAt: Instant },
    { description: 'A disqualified lead' },
  ),
  example: {
    leadId: '5d0e6c1a-2b3c-4d5e-8f90-1a2b3c4d5e6f',
    divisionId: story.divisionId,
    reason: 'no budget this year',
    disqualifiedAt: '2026-04-23T10:00:00.000Z',
  },
});

export const LeadAssignedV1 = defineContract({
  ...lead,
  name: 'LeadAssigned',
  subjectField: 'leadId',
  description:
    'A lead was assigned or reassigned to a sales rep; the rule that fired is named, and the team it chose from ' +
    '(since 1.3.0).',
  schema: Type.Object(
    {
      leadId: Id,
      divisionId: Id,
      repId: Id,
      previousRepId: Type.Optional(Id),
      rule: AssignmentRuleKind,
      teamId: Type.Optional(Id),
      assignedAt: Instant,
    },
    { description: 'An assignment' },
  ),
  example: {
    leadId: story.leadId,
    divisionId: story.divisionId,
    repId: story.repId,
    previousRepId: 'rep-machines-02',
    rule: 'least-loaded',
    teamId: 'machines-south-presses',
    assignedAt: '2026-04-20T09:15:00.000Z',
  },
});

export const LeadConvertedV1 = defineContract({
  ...lead,
  name: 'LeadConverted',
  subjectField: 'leadId',
  description: 'A lead became an opportunity.',
  schema: Type.Object(
    { leadId: Id, divisionId: Id, opportunityId: Id, convertedAt: Instant },
    { description: 'A conversion' },
  ),
  example: {
    leadId: story.leadId,
    divisionId: story.divisionId,
    opportunityId: story.opportunityId,
    convertedAt: '2026-04-24T11:30:00.000Z',
  },
});

export const OpportunityOpenedV1 = defineContract({
  ...opportunity,
  name: 'OpportunityOpened',
  subjectField: 'opportunityId',
  description:
    'An opportunity entered a pipeline: the account, forecast, products, channel and owner, and the lead it came from.',
  schema: Type.Object(
    {
      opportunityId: Id,
      divisionId: Id,
      leadId: Type.Optional(Id),
      accountName: AccountName,
      pipelineId: Id,
      stageId: StageId,
      probability: Probability,
      amount: Money,
      expectedCloseDate: CalendarDay,
      products: ProductLines,
      channel: ChannelKind,
      dealerId: Type.Optional(Id),
      channelId: Type.Optional(DealerChannelId),
      ownerRepId: Type.Optional(Id),
      openedAt: Instant,
    },
    { description: 'An opened opportunity' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    leadId: story.leadId,
    accountName: 'Keller Stanztechnik GmbH',
    pipelineId: 'new-business',
    stageId: 'prospecting',
    probability: 0.1,
    amount: price,
    expectedCloseDate: '2026-07-31',
    products,
    channel: 'dealer',
    dealerId: story.dealerId,
    channelId: story.dealerChannelId,
    ownerRepId: story.repId,
    openedAt: '2026-04-24T11:30:00.000Z',
  },
});

export const OpportunityStageChangedV1 = defineContract({
  ...opportunity,
  name: 'OpportunityStageChanged',
  subjectField: 'opportunityId',
  description: 'An opportunity moved forward or backward in its pipeline.',
  schema: Type.Object(
    {
      opportunityId: Id,
      divisionId: Id,
      pipelineId: Id,
      fromStage: StageId,
      toStage: StageId,
      probability: Probability,
      amount: Money,
      changedAt: Instant,
    },
    { description: 'A stage change' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    pipelineId: 'new-business',
    fromStage: 'prospecting',
    toStage: 'proposal',
    probability: 0.5,
    amount: price,
    changedAt: '2026-05-06T08:00:00.000Z',
  },
});

export const OpportunityForecastRevisedV1 = defineContract({
  ...opportunity,
  name: 'OpportunityForecastRevised',
  subjectField: 'opportunityId',
  description:
    'A new belief about the amount and close date. effectiveAt is business time (when it became true); the ' +
    'CloudEvents time is when it was recorded.',
  schema: Type.Object(
    {
      opportunityId: Id,
      divisionId: Id,
      amount: Money,
      expectedCloseDate: CalendarDay,
      previousAmount: Money,
      previousExpectedCloseDate: CalendarDay,
      effectiveAt: Instant,
    },
    { description: 'A revised forecast' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    amount: { amount: 52_000, currency: 'EUR' },
    expectedCloseDate: '2026-08-15',
    previousAmount: price,
    previousExpectedCloseDate: '2026-07-31',
    effectiveAt: '2026-05-08T16:00:00.000Z',
  },
});

export const OpportunityProductsChangedV1 = defineContract({
  ...opportunity,
  name: 'OpportunityProductsChanged',
  subjectField: 'opportunityId',
  description: 'The products and quantities of an opportunity changed.',
  schema: Type.Object(
    { opportunityId: Id, divisionId: Id, products: ProductLines, changedAt: Instant },
    { description: 'Changed products' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    products: [...products, { productId: 'service-plan-3y', quantity: 1 }],
    changedAt: '2026-05-09T09:00:00.000Z',
  },
});

export const OpportunityChannelAttributedV1 = defineContract({
  ...opportunity,
  name: 'OpportunityChannelAttributed',
  subjectField: 'opportunityId',
  description:
    "The opportunity was attributed to the direct channel or to a dealer, with the dealer's channel (since 1.8.0).",
  schema: Type.Object(
    {
      opportunityId: Id,
      divisionId: Id,
      channel: ChannelKind,
      dealerId: Type.Optional(Id),
      channelId: Type.Optional(DealerChannelId),
      attributedAt: Instant,
    },
    { description: 'A channel attribution' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    channel: 'dealer',
    dealerId: 'dealer-9',
    channelId: story.dealerChannelId,
    attributedAt: '2026-05-10T09:00:00.000Z',
  },
});

export const OpportunityWonV1 = defineContract({
  ...opportunity,
  name: 'OpportunityWon',
  subjectField: 'opportunityId',
  description:
    "An opportunity was won, with the final amount, the channel that brought it and, when the winner gave one, the reason from the division's list (since 1.5.0).",
  schema: Type.Object(
    {
      opportunityId: Id,
      divisionId: Id,
      amount: Money,
      channel: ChannelKind,
      dealerId: Type.Optional(Id),
      channelId: Type.Optional(DealerChannelId),
      /** One of the division's won reasons; absent when none was given (and in every event before 1.5.0). */
      reason: Type.Optional(WonReason),
      wonAt: Instant,
    },
    { description: 'A won deal' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    amount: { amount: 51_000, currency: 'EUR' },
    channel: 'dealer',
    dealerId: 'dealer-9',
    channelId: story.dealerChannelId,
    reason: 'relationship',
    wonAt: '2026-06-02T15:00:00.000Z',
  },
});

export const OpportunityReopenedV1 = defineContract({
  ...opportunity,
  name: 'OpportunityReopened',
  subjectField: 'opportunityId',
  description: 'A won or lost opportunity was reopened at a stage.',
  schema: Type.Object(
    { opportunityId: Id, divisionId: Id, stageId: StageId, probability: Probability, reopenedAt: Instant },
    { description: 'A reopened opportunity' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    stageId: 'negotiation',
    probability: 0.75,
    reopenedAt: '2026-06-05T10:00:00.000Z',
  },
});

export const OpportunityLostV1 = defineContract({
  ...opportunity,
  name: 'OpportunityLost',
  subjectField: 'opportunityId',
  description: "An opportunity was lost, with a reason from the division's list.",
  schema: Type.Object(
    { opportunityId: Id, divisionId: Id, reason: LossReason, lostAt: Instant },
    { description: 'A lost deal' },
  ),
  example: {
    opportunityId: story.opportunityId,
    divisionId: story.divisionId,
    reason: 'competitor',
    lostAt: '2026-06-20T12:00:00.000Z',
  },
});

export const DealRegistrationAcceptedV1 = defineContract({
  ...decision,
  name: 'DealRegistrationAccepted',
  subjectField: 'registrationId',
  description: 'No open lead or opportunity exists for the company: the dealer holds the deal.',
  schema: Type.Object(
    {
      registrationId: Id,
      divisionId: Id,
      dealerId: Id,
      companyName: CompanyName,
      rule: DealRegistrationRule,
      decidedAt: Instant,
    },
    { description: 'An accepted registration' },
  ),
  example: {
    registrationId: story.registrationId,
    divisionId: story.divisionId,
    dealerId: story.dealerId,
    companyName: 'Brandt Maschinenbau AG',
    rule: 'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered',
    decidedAt: '2026-04-25T08:00:00.000Z',
  },
});

export const DealRegistrationConflictedV1 = defineContract({
  ...decision,
  name: 'DealRegistrationConflicted',
  subjectField: 'registrationId',
  description: 'An open lead or opportunity for the same company came first; the first-come rule is named.',
  schema: Type.Object(
    {
      registrationId: Id,
      divisionId: Id,
      dealerId: Id,
      companyName: CompanyName,
      rule: DealRegistrationRule,
      conflictingLeadIds: Type.Array(Id),
      conflictingOpportunityIds: Type.Array(Id),
      decidedAt: Instant,
    },
    { description: 'A registration in conflict' },
  ),
  example: {
    registrationId: 'registration-18',
    divisionId: story.divisionId,
    dealerId: story.dealerId,
    companyName: 'Keller Stanztechnik GmbH',
    rule: 'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered',
    conflictingLeadIds: [story.leadId],
    conflictingOpportunityIds: [story.opportunityId],
    decidedAt: '2026-04-25T08:05:00.000Z',
  },
});

/**
 * Every contract of the leads service, in the order of the examples' story (a consumer can apply the examples in
 * this order).
 */
export const leadsContracts: readonly IntegrationEventContract[] = [
  LeadCapturedV1,
  LeadAssignedV1,
  LeadQualifiedV1,
  LeadDisqualifiedV1,
  LeadConvertedV1,
  OpportunityOpenedV1,
  OpportunityStageChangedV1,
  OpportunityForecastRevisedV1,
  OpportunityProductsChangedV1,
  OpportunityChannelAttributedV1,
  OpportunityWonV1,
  OpportunityReopenedV1,
  OpportunityLostV1,
  DealRegistrationAcceptedV1,
  DealRegistrationConflictedV1,
];
