import { Type } from '@sinclair/typebox';
import { CalendarDay, Id, Instant, Money } from '@salesos/kernel';
import { defineContract, type IntegrationEventContract, keptForever, type TopicDefinition } from '../integration-event';
import {
  AgreementTermsShape,
  AgreementVersion,
  ChannelsReason,
  DealerPeriod,
  PaymentReference,
  PlanProductMix,
  PlanUnits,
} from '../fields/channels.fields';
import { CompanyName, DealRegistrationRule, Email } from '../fields/leads.fields';

const days = (count: number): number => count * 24 * 60 * 60 * 1000;

export const dealRegistrationTopic: TopicDefinition = {
  name: 'salesos.channels.deal-registration',
  description: 'Deals dealers register so that dealer and direct sales do not collide. Key: registration id.',
  partitions: 3,
  retentionMs: days(90),
};

export const DealRegistrationSubmittedV1 = defineContract({
  name: 'DealRegistrationSubmitted',
  version: 1,
  service: 'channels',
  topic: dealRegistrationTopic,
  subjectField: 'registrationId',
  description: 'A dealer registered a prospective deal with a company.',
  schema: Type.Object(
    {
      registrationId: Id,
      divisionId: Id,
      dealerId: Id,
      companyName: CompanyName,
      contactEmail: Type.Optional(Email),
      estimatedValue: Type.Optional(Money),
      submittedAt: Instant,
    },
    { description: 'A deal registration' },
  ),
  example: {
    registrationId: 'registration-17',
    divisionId: 'machines',
    dealerId: 'dealer-4',
    companyName: 'Brandt Maschinenbau AG',
    contactEmail: 'einkauf@brandt.example',
    estimatedValue: { amount: 120_000, currency: 'EUR' },
    submittedAt: '2026-04-25T07:55:00.000Z',
  },
});

/**
 * The registration's own record of what became of it, after its submission: the leads service's answer as this
 * service recorded it (the leads service publishes its decision on its own topic), the lapse, and the outcome of the
 * registered deal. Every event names the registration, its division and its dealer.
 */
const registration = {
  service: 'channels',
  topic: dealRegistrationTopic,
  version: 1,
  subjectField: 'registrationId',
} as const;
const registrationFields = { registrationId: Id, divisionId: Id, dealerId: Id };
const registrationIds = { registrationId: 'registration-17', divisionId: 'machines', dealerId: 'dealer-4' };

export const DealRegistrationAcceptanceRecordedV1 = defineContract({
  ...registration,
  name: 'DealRegistrationAcceptanceRecorded',
  description:
    "The registration recorded the leads service's acceptance (DealRegistrationAccepted): the dealer holds the deal " +
    'from now on, until it is won, lost or lapses. decidedAt is when the leads service decided, recordedAt when the ' +
    'registration recorded it; the lead, the deal and the end of the protection are set when the answer named them.',
  schema: Type.Object(
    {
      ...registrationFields,
      rule: DealRegistrationRule,
      leadId: Type.Optional(Id),
      opportunityId: Type.Optional(Id),
      expiresOn: Type.Optional(CalendarDay),
      decidedAt: Instant,
      recordedAt: Instant,
    },
    { description: 'An accepted registration, as the registration recorded it' },
  ),
  example: {
    ...registrationIds,
    rule: 'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered',
    leadId: 'lead-17',
    opportunityId: 'opportunity-17',
    expiresOn: '2026-07-24',
    decidedAt: '2026-04-25T08:00:00.000Z',
    recordedAt: '2026-04-25T08:00:01.000Z',
  },
});

export const DealRegistrationConflictRecordedV1 = defineContract({
  ...registration,
  name: 'DealRegistrationConflictRecorded',
  description:
    "The registration recorded the leads service's conflict (DealRegistrationConflicted): an open lead or opportunity " +
    'for the same company came first, so the dealer does not hold the deal. The registration is final.',
  schema: Type.Object(
    {
      ...registrationFields,
      rule: DealRegistrationRule,
      conflictingLeadIds: Type.Array(Id),
      conflictingOpportunityIds: Type.Array(Id),
      decidedAt: Instant,
      recordedAt: Instant,
    },
    { description: 'A registration in conflict, as the registration recorded it' },
  ),
  example: {
    ...registrationIds,
    registrationId: 'registration-18',
    rule: 'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered',
    conflictingLeadIds: ['lead-9'],
    conflictingOpportunityIds: ['opportunity-9'],
    decidedAt: '2026-04-25T08:05:00.000Z',
    recordedAt: '2026-04-25T08:05:01.000Z',
  },
});

export const DealRegistrationLapsedV1 = defineContract({
  ...registration,
  name: 'DealRegistrationLapsed',
  description:
    'An accepted registration lapsed: its deal made no progress for lapseAfterDays days since lastActivityAt, so the ' +
    'dealer no longer holds it. dueAt is when it fell due (lastActivityAt plus lapseAfterDays days), lapsedAt when ' +
    'the lapse was recorded (later than dueAt when the service was down then). The registration is final.',
  schema: Type.Object(
    {
      ...registrationFields,
      lapseAfterDays: Type.Integer({ minimum: 1 }),
      lastActivityAt: Instant,
      dueAt: Instant,
      lapsedAt: Instant,
    },
    { description: 'A lapsed registration' },
  ),
  example: {
    ...registrationIds,
    registrationId: 'registration-19',
    lapseAfterDays: 30,
    lastActivityAt: '2026-05-04T09:00:00.000Z',
    dueAt: '2026-06-03T09:00:00.000Z',
    lapsedAt: '2026-06-03T09:00:05.000Z',
  },
});

export const DealRegistrationWonV1 = defineContract({
  ...registration,
  name: 'DealRegistrationWon',
  description:
    'The deal an accepted registration held (opportunityId, in the leads service) was won: the dealer won the ' +
    'registered deal. The registration is final.',
  schema: Type.Object(
    { ...registrationFields, opportunityId: Id, wonAt: Instant },
    { description: 'A won registration' },
  ),
  example: { ...registrationIds, opportunityId: 'opportunity-17', wonAt: '2026-06-20T12:00:00.000Z' },
});

export const DealRegistrationLostV1 = defineContract({
  ...registration,
  name: 'DealRegistrationLost',
  description:
    'The deal an accepted registration held (opportunityId, in the leads service) was lost. The registration is final.',
  schema: Type.Object(
    { ...registrationFields, opportunityId: Id, lostAt: Instant },
    { description: 'A lost registration' },
  ),
  example: {
    ...registrationIds,
    registrationId: 'registration-20',
    opportunityId: 'opportunity-20',
    lostAt: '2026-06-22T15:00:00.000Z',
  },
});

export const dealerTopic: TopicDefinition = {
  name: 'salesos.channels.dealer',
  description: 'The standing of dealers: activated, suspended, terminated. Key: dealer id.',
  partitions: 3,
  retentionMs: keptForever,
};

export const agreementTopic: TopicDefinition = {
  name: 'salesos.channels.agreement',
  description: 'Dealer agreements: each version as it is signed. Key: agreement id.',
  partitions: 3,
  retentionMs: keptForever,
};

export const tierTopic: TopicDefinition = {
  name: 'salesos.channels.tier',
  description: "Dealers' partner tiers: each change and each correction, from its effective day. Key: dealer id.",
  partitions: 3,
  retentionMs: keptForever,
};

export const planTopic: TopicDefinition = {
  name: 'salesos.channels.plan',
  description: "Dealers' plans per period: each revision as it is set. Key: dealer id.",
  partitions: 3,
  retentionMs: keptForever,
};

export const fundTopic: TopicDefinition = {
  name: 'salesos.channels.fund',
  description: 'Market development funds: each claim as it is paid. Key: dealer id.',
  partitions: 3,
  retentionMs: keptForever,
};

/** The examples tell one story: a dealer of the machines division is activated, signs, climbs a tier, plans, is paid. */
const story = {
  divisionId: 'machines',
  dealerId: 'dealer-4',
  channelId: 'dealer-network',
  companyName: 'Vogel Industrievertrieb GmbH',
  agreementId: 'agreement-4',
  programmeId: 'partner-programme',
} as const;
const dealerIds = {
  dealerId: story.dealerId,
  divisionId: story.divisionId,
  channelId: story.channelId,
  companyName: story.companyName,
};

const dealer = { service: 'channels', topic: dealerTopic, version: 1, subjectField: 'dealerId' } as const;
/**
 * What every dealer event names. The channel and the company name are recorded when the dealer applies, not on each
 * later event: they are optional, and set when the producer knows them.
 */
const dealerFields = {
  dealerId: Id,
  divisionId: Id,
  channelId: Type.Optional(Id),
  companyName: Type.Optional(CompanyName),
};

export const DealerActivatedV1 = defineContract({
  ...dealer,
  name: 'DealerActivated',
  description: 'A dealer completed its onboarding and may sell.',
  schema: Type.Object({ ...dealerFields, activatedAt: Instant }, { description: 'An activated dealer' }),
  example: { ...dealerIds, activatedAt: '2026-03-02T09:00:00.000Z' },
});

export const DealerSuspendedV1 = defineContract({
  ...dealer,
  name: 'DealerSuspended',
  description: 'An active dealer was suspended, with the reason.',
  schema: Type.Object(
    { ...dealerFields, reason: ChannelsReason, suspendedAt: Instant },
    { description: 'A suspended dealer' },
  ),
  example: { ...dealerIds, reason: 'overdue payments', suspendedAt: '2026-09-14T10:00:00.000Z' },
});

export const DealerTerminatedV1 = defineContract({
  ...dealer,
  name: 'DealerTerminated',
  description:
    'The cooperation with a dealer ends: effectiveDay is the last day the dealer may sell, and may be later than ' +
    'the day the termination was recorded (terminatedAt).',
  schema: Type.Object(
    { ...dealerFields, reason: ChannelsReason, effectiveDay: CalendarDay, terminatedAt: Instant },
    { description: 'A terminated dealer' },
  ),
  example: {
    ...dealerIds,
    reason: 'the dealer retires',
    effectiveDay: '2026-12-31',
    terminatedAt: '2026-10-01T08:00:00.000Z',
  },
});

export const DealerReinstatedV1 = defineContract({
  ...dealer,
  name: 'DealerReinstated',
  description: 'A suspended dealer is active again.',
  schema: Type.Object({ ...dealerFields, reinstatedAt: Instant }, { description: 'A reinstated dealer' }),
  example: { ...dealerIds, reinstatedAt: '2026-10-02T09:30:00.000Z' },
});

export const AgreementVersionSignedV1 = defineContract({
  service: 'channels',
  topic: agreementTopic,
  version: 1,
  name: 'AgreementVersionSigned',
  subjectField: 'agreementId',
  description:
    'A version of a dealer agreement was signed: it applies from effectiveFrom through expiresOn (both included), ' +
    'until a later signed version takes over from its own effectiveFrom. The period and terms are those of the ' +
    'signed draft, set when the producer carries them.',
  schema: Type.Object(
    {
      agreementId: Id,
      divisionId: Id,
      dealerId: Id,
      version: AgreementVersion,
      signedOn: CalendarDay,
      effectiveFrom: Type.Optional(CalendarDay),
      expiresOn: Type.Optional(CalendarDay),
      terms: Type.Optional(AgreementTermsShape),
      signedAt: Instant,
    },
    { description: 'A signed agreement version' },
  ),
  example: {
    agreementId: story.agreementId,
    divisionId: story.divisionId,
    dealerId: story.dealerId,
    version: 2,
    signedOn: '2026-03-01',
    effectiveFrom: '2026-04-01',
    expiresOn: '2027-03-31',
    terms: {
      discountPercent: 18,
      territories: ['south', 'south-west'],
      productGroups: ['presses', 'service'],
      exclusivity: true,
      exclusiveTerritories: ['south'],
      paymentTermsDays: 30,
      rebateProgrammeId: 'rebate-2026',
    },
    signedAt: '2026-03-02T11:00:00.000Z',
  },
});

export const AgreementTerminatedV1 = defineContract({
  service: 'channels',
  topic: agreementTopic,
  version: 1,
  name: 'AgreementTerminated',
  subjectField: 'agreementId',
  description:
    'A dealer agreement ends early: no terms apply from effectiveOn (that day included), whatever versions were signed.',
  schema: Type.Object(
    {
      agreementId: Id,
      divisionId: Id,
      dealerId: Id,
      effectiveOn: CalendarDay,
      reason: ChannelsReason,
      terminatedAt: Instant,
    },
    { description: 'A terminated agreement' },
  ),
  example: {
    agreementId: story.agreementId,
    divisionId: story.divisionId,
    dealerId: story.dealerId,
    effectiveOn: '2026-11-01',
    reason: 'the dealer retires',
    terminatedAt: '2026-10-01T08:00:00.000Z',
  },
});

export const TierChangedV1 = defineContract({
  service: 'channels',
  topic: tierTopic,
  version: 1,
  name: 'TierChanged',
  subjectField: 'dealerId',
  description:
    "A dealer's tier in a programme changed from effectiveFrom on: assigned, confirmed after a review, or corrected. " +
    'A correction names the change it corrects (corrects = that change id) and replaces its tier from its effective ' +
    'day; nothing published is ever edited.',
  schema: Type.Object(
    {
      changeId: Id,
      dealerId: Id,
      divisionId: Id,
      programmeId: Id,
      tierId: Id,
      /** The tier before the change; absent for a tier assigned directly, such as the first. */
      previousTierId: Type.Optional(Id),
      effectiveFrom: CalendarDay,
      /** The change this one corrects, when it is a correction. */
      corrects: Type.Optional(Id),
      reason: Type.Optional(ChannelsReason),
      changedAt: Instant,
    },
    { description: 'A tier change' },
  ),
  example: {
    changeId: 'tier-correction-2',
    dealerId: story.dealerId,
    divisionId: story.divisionId,
    programmeId: story.programmeId,
    tierId: 'silver',
    previousTierId: 'gold',
    effectiveFrom: '2026-07-01',
    corrects: 'tier-review-1',
    reason: 'the revenue counted a cancelled order',
    changedAt: '2026-07-20T09:00:00.000Z',
  },
});

export const DealerPlanSetV1 = defineContract({
  service: 'channels',
  topic: planTopic,
  version: 1,
  name: 'DealerPlanSet',
  subjectField: 'dealerId',
  description:
    "A revision of a dealer's plan for a period: value, units and product mix as a whole. A later revision for the " +
    'same dealer and period replaces it.',
  schema: Type.Object(
    {
      dealerId: Id,
      divisionId: Id,
      period: DealerPeriod,
      revision: Type.Integer({ minimum: 1 }),
      value: Money,
      units: PlanUnits,
      productMix: PlanProductMix,
      reason: Type.Optional(ChannelsReason),
      setAt: Instant,
    },
    { description: 'A dealer plan revision' },
  ),
  example: {
    dealerId: story.dealerId,
    divisionId: story.divisionId,
    period: '2026-Q3',
    revision: 2,
    value: { amount: 400_000, currency: 'EUR' },
    units: 12,
    productMix: [
      { productGroup: 'presses', value: { amount: 360_000, currency: 'EUR' }, units: 8 },
      { productGroup: 'service', value: { amount: 40_000, currency: 'EUR' }, units: 4 },
    ],
    reason: 'two large presses moved into the quarter',
    setAt: '2026-06-20T14:00:00.000Z',
  },
});

export const FundClaimPaidV1 = defineContract({
  service: 'channels',
  topic: fundTopic,
  version: 1,
  name: 'FundClaimPaid',
  subjectField: 'dealerId',
  description:
    "A dealer's claim on its market development fund for a period was paid: paidAt is when the money went out, " +
    'recordedAt when it was recorded.',
  schema: Type.Object(
    {
      dealerId: Id,
      divisionId: Id,
      period: DealerPeriod,
      requestId: Id,
      amount: Money,
      reference: PaymentReference,
      paidAt: Instant,
      recordedAt: Instant,
    },
    { description: 'A paid fund claim' },
  ),
  example: {
    dealerId: story.dealerId,
    divisionId: story.divisionId,
    period: '2026',
    requestId: 'fund-request-3',
    amount: { amount: 4_500, currency: 'EUR' },
    reference: 'TRF-2026-0815',
    paidAt: '2026-08-14T00:00:00.000Z',
    recordedAt: '2026-08-15T09:30:00.000Z',
  },
});

/**
 * Every contract of the channels service: the deal registration first (1.4.0), then the dealer's story (1.6.0), then
 * what became of the registrations (1.8.0).
 */
export const channelsContracts: readonly IntegrationEventContract[] = [
  DealRegistrationSubmittedV1,
  DealerActivatedV1,
  DealerSuspendedV1,
  DealerTerminatedV1,
  DealerReinstatedV1,
  AgreementVersionSignedV1,
  AgreementTerminatedV1,
  TierChangedV1,
  DealerPlanSetV1,
  FundClaimPaidV1,
  DealRegistrationAcceptanceRecordedV1,
  DealRegistrationConflictRecordedV1,
  DealRegistrationLapsedV1,
  DealRegistrationWonV1,
  DealRegistrationLostV1,
];
