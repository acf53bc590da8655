import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { recordPlatformDealers, servedRoutes, startTestPlatform } from './testing/test-platform';
import { testRoster } from '../services/leads/src/testing';
import { recordTestDealer } from '../services/channels/src/testing';
import { dealRequest } from './testing/deal-request';

jest.setTimeout(120_000);

/**
 * Within one division: what each role may do on each route, to records within its reach and to records out of it.
 * The isolation matrix covers other divisions; this table is the policy inside one.
 */
const roles = ['admin', 'director', 'manager', 'team-lead', 'rep', 'dealer', 'analyst'] as const;
type RoleName = (typeof roles)[number];

const north = { 'X-Division-Id': 'north' };
const callers: Record<RoleName, Record<string, string>> = {
  admin: { ...bearer({ userId: 'admin-1', roles: ['admin'] }), ...north },
  director: { ...bearer({ userId: 'director-1', roles: ['sales-director'] }), ...north },
  manager: asUser('manager-north', 'division-manager', 'north'),
  'team-lead': asUser('lead-north', 'team-lead', 'north', { teams: ['north-team'] }),
  rep: asUser('rep-north', 'rep', 'north'),
  dealer: asUser('dealer-north-user', 'dealer', 'north', { dealerId: 'north-dealer' }),
  analyst: asUser('analyst-north', 'analyst', 'north'),
};
const setUp = callers.manager;

/**
 * What a cell expects: `ok` any 2xx; `sees`/`blind` a 2xx whose body does or does not show the record; `403` and
 * `404` a refusal that changed nothing.
 */
type Outcome = 'ok' | 'sees' | 'blind' | '403' | '404';

/**
 * Records within the team lead's, the rep's and the dealer's reach (routed to the north team, owned by rep-north,
 * sold through north-dealer) or out of it (routed to rep-other, sold direct). Managers, directors, admins and
 * analysts reach both.
 */
type Reach = 'reached' | 'unreached';
interface Subjects {
  company: string;
  leadId: string;
  otherLeadId: string;
  qualifiedLeadId: string;
  opportunityId: string;
  segmentId: string;
  /** A dealer that applied through dealers-north, named after `company`: not the dealer user's (north-dealer). */
  dealerId: string;
}

type Call = { method: 'get' | 'post' | 'put' | 'patch'; path: string; body?: object; csv?: string };

interface Row {
  call: (subjects: Subjects, shared: { importId: string; rebuildId: string; contactId: string }) => Call;
  /** Seven outcomes in the order of `roles`: for records within reach, then (when it differs) out of reach. */
  reached: string;
  unreached?: string;
  /** Commands get fresh records for every cell, so one cell's change cannot decide another's answer. */
  writes?: boolean;
  /** What the manager does to the fresh records before the cell's call, in order. */
  prepare?: (subjects: Subjects) => Call | Call[];
  /**
   * The call or what prepares it has consequences that arrive later (a registration the leads service answers, a
   * dealer's standing it records): wait for them to land.
   */
  settles?: boolean;
}

const deal = (company: string, reach: Reach) =>
  dealRequest({
    accountName: company,
    amount: { amount: 50_000, currency: 'EUR' },
    channel: reach === 'reached' ? { kind: 'dealer', dealerId: 'north-dealer' } : { kind: 'direct' },
  });
const leadCommand = (suffix: string, body: object) => (subjects: Subjects) => ({
  method: 'post' as const,
  path: `/leads/${subjects.leadId}/${suffix}`,
  body,
});
const dealCommand =
  (method: 'post' | 'put', suffix: string, body: object) =>
  (subjects: Subjects): Call => ({ method, path: `/opportunities/${subjects.opportunityId}/${suffix}`, body });
const get = (path: string) => (): Call => ({ method: 'get', path });

//                       admin director manager team-lead rep dealer analyst
const everyone = '        ok    ok       ok      ok        ok  ok     ok';
const organisationReads = 'ok ok ok ok ok 403 ok';
const leadWork = { reached: 'ok ok ok ok ok 403 403', unreached: 'ok ok ok 404 404 403 403', writes: true };
const dealWork = { reached: 'ok ok ok ok ok ok 403', unreached: 'ok ok ok 404 404 404 403', writes: true };
const setupWork = { reached: 'ok ok ok 403 403 403 403', writes: true };
const adminOnly = 'ok 403 403 403 403 403 403';

const scoringRules = {
  sources: [{ source: 'fair', points: 30 }],
  estimatedValue: [{ atLeast: 1000, points: 20 }],
  companySize: { micro: 0, small: 2, mid: 5, large: 10, enterprise: 15 },
  reachableEmail: 5,
  reachablePhone: 5,
  perSegment: 10,
  segmentsAtMost: 20,
  perNeed: 3,
  needsAtMost: 9,
};

const channel = { name: 'Dealers', kind: 'dealer', productGroups: ['presses'], territories: ['north'] };
const channelOf = (subjects: Subjects) => `/channels/channel-${subjects.segmentId}`;

const dealerApplication = (dealerId: string, company: string) => ({
  dealerId,
  companyName: company,
  contactEmail: 'sales@dealer.example',
  channelId: 'dealers-north',
  territories: ['north'],
  productGroups: ['presses'],
});
const dealerChecklist = [
  'trade-register-extract',
  'signed-agreement',
  'bank-details',
  'certified-salespeople',
  'first-order',
];
const onDealer =
  (method: 'post' | 'put', suffix: string, body?: object) =>
  (subjects: Subjects): Call => ({
    method,
    path: `/dealers/${subjects.dealerId}/${suffix}`,
    ...(body === undefined ? {} : { body }),
  });
const approved = (subjects: Subjects) => [onDealer('post', 'approval')(subjects)];
const onboarded = (subjects: Subjects) => [
  ...approved(subjects),
  ...dealerChecklist.map((requirementId) =>
    onDealer('put', `requirements/${requirementId}`, { evidence: 'on file' })(subjects),
  ),
];
const activeDealer = (subjects: Subjects) => [...onboarded(subjects), onDealer('post', 'activation')(subjects)];
/** The dealer user reaches only north-dealer: the subjects' dealers are out of its reach. */
const dealerSetup = { reached: 'ok ok ok 403 403 403 403', writes: true };
/** A dealer's standing is published: the leads service records it later, which a refused call must not be taken for. */
const dealerStanding = { ...dealerSetup, settles: true };
const dealerReads = 'sees sees sees sees sees blind sees';
const agreementTerms = {
  discountPercent: 10,
  territories: ['north'],
  productGroups: ['presses'],
  exclusivity: false,
  paymentTermsDays: 30,
};
const agreementDraft = {
  dealerId: 'north-dealer',
  terms: agreementTerms,
  effectiveFrom: '2026-01-01',
  expiresOn: '2026-12-31',
};
const signature = { signedBy: 'Anna Weber', signedOn: '2025-12-15' };
const agreementOf = (subjects: Subjects) => `/agreements/agr-${subjects.segmentId}`;
const draftAgreement = (subjects: Subjects): Call => ({
  method: 'put',
  path: `${agreementOf(subjects)}/versions`,
  body: agreementDraft,
});
const tierCriteria = (amount: number, people: number, winRate: number) => ({
  minRevenueLast12Months: { amount, currency: 'EUR' },
  minCertifiedPeople: people,
  minRegistrationWinRate: winRate,
});
const tierProgramme = {
  name: 'North partner programme',
  tiers: [
    { tierId: 'silver', name: 'Silver', criteria: tierCriteria(0, 0, 0) },
    { tierId: 'gold', name: 'Gold', criteria: tierCriteria(500_000, 3, 0.3) },
  ],
};
const tierReview = {
  reviewId: 'review-1',
  programmeId: 'prog-north',
  figures: { revenue12m: { amount: 800_000, currency: 'EUR' }, certifiedPeople: 4, registrationWinRate: 0.4 },
};
/** Dealers recorded for the tier commands, one for each set of fresh records, as reviews wait one at a time. */
const tierDealers = Array.from({ length: 48 }, (_, at) => `tier-dealer-${at + 1}`);
const tierDealerOf = new Map<string, string>();
const tierOf = (subjects: Subjects) => {
  if (!tierDealerOf.has(subjects.segmentId))
    tierDealerOf.set(subjects.segmentId, tierDealers[tierDealerOf.size] as string);
  return `/dealers/${tierDealerOf.get(subjects.segmentId) as string}/tier`;
};
const assignTier = (subjects: Subjects): Call => ({
  method: 'post',
  path: `${tierOf(subjects)}/assignment`,
  body: { programmeId: 'prog-north', changeId: 'initial', tierId: 'silver', effectiveFrom: '2026-01-01' },
});

/** The staffing service's organisation: a unit and a position of the fresh records, opened or defined on demand. */
const unitOf = (subjects: Subjects) => `/units/unit-${subjects.segmentId}`;
const unitOpening = (unitId: string) => ({
  unitId,
  kind: 'team',
  name: 'North team',
  productGroups: ['presses'],
  segments: [],
  territories: ['north'],
  effectiveOn: '2026-01-01',
});
const openUnit = (subjects: Subjects): Call => ({
  method: 'post',
  path: '/units',
  body: unitOpening(`unit-${subjects.segmentId}`),
});
const positionOf = (subjects: Subjects) => `/positions/position-${subjects.segmentId}`;
const positionProfile = { title: 'Account executive', duties: ['Sells presses'], requiredCertifications: [] };
const definePosition = (subjects: Subjects): Call => ({
  method: 'post',
  path: '/positions',
  body: { positionId: `position-${subjects.segmentId}`, ...positionProfile },
});

/**
 * The staffing service's people: a person of the fresh records, named after their company, hired into the unit the
 * team lead manages and working under the rep's login (within reach), or into another unit with another login (out
 * of it). The team lead reaches people through the organisation's manager assignment, not their token.
 */
const personOf = (subjects: Subjects) => `/people/person-${subjects.segmentId}`;
const within = (subjects: Subjects) => subjects.company.startsWith('Within');
const hirePerson = (subjects: Subjects, personId = `person-${subjects.segmentId}`): Call => ({
  method: 'post',
  path: '/people',
  body: {
    personId,
    name: `${subjects.company} Person`,
    email: 'person@example.com',
    unitId: within(subjects) ? 'unit-north' : 'unit-far',
    positionId: 'position-north',
    hiredOn: '2026-01-05',
    userId: within(subjects) ? 'rep-north' : 'rep-other',
  },
});
const onPerson =
  (method: 'post' | 'put', suffix: string, body?: object) =>
  (subjects: Subjects): Call => ({
    method,
    path: `${personOf(subjects)}/${suffix}`,
    ...(body === undefined ? {} : { body }),
  });
const onboardingPlan = { tasks: [{ taskId: 'accounts', title: 'Collect laptop and accounts', dueDay: 0 }] };
/** Division-wide roles and the lead of the person's unit look after them; reps and analysts change nothing. */
const personCare = { reached: 'ok ok ok ok 403 403 403', unreached: 'ok ok ok 404 403 403 403', writes: true };
const personSetup = { reached: 'ok ok ok 403 403 403 403', writes: true };

/**
 * The staffing service's training: a course and a programme of the fresh records, defined on demand, and the fresh
 * person's training, which the division-wide roles and the lead of the person's unit change, and the person reads.
 */
const courseProfile = { title: 'Presses basics', skills: ['presses'], passMark: 70, certificationValidityMonths: 12 };
const courseOf = (subjects: Subjects) => `/training/courses/course-${subjects.segmentId}`;
const defineCourse = (subjects: Subjects): Call => ({
  method: 'post',
  path: '/training/courses',
  body: { courseId: `course-${subjects.segmentId}`, ...courseProfile },
});
const programmeProfile = { title: 'New rep path', courseIds: ['course-north'] };
const programmeOf = (subjects: Subjects) => `/training/programmes/programme-${subjects.segmentId}`;
const defineProgramme = (subjects: Subjects): Call => ({
  method: 'post',
  path: '/training/programmes',
  body: { programmeId: `programme-${subjects.segmentId}`, ...programmeProfile },
});
const trainingOf = (subjects: Subjects) => `/training/people/person-${subjects.segmentId}`;
const onTraining =
  (suffix: string, body: object) =>
  (subjects: Subjects): Call => ({ method: 'post', path: `${trainingOf(subjects)}/${suffix}`, body });
const enrolment = { courseId: 'course-north', enrolledOn: '2026-02-02' };
/** A person's own training: the division reads it, the lead of their unit and the person too; dealers nothing. */
const personReads = { reached: 'ok ok ok ok ok 403 ok', unreached: 'ok ok ok 404 404 403 ok' };

/** The dealer within the dealer user's reach (north-dealer, theirs) or out of it (another dealer of the division). */
const dealerOf = (subjects: Subjects) => (subjects.company.startsWith('Within') ? 'north-dealer' : 'other-dealer');
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const contact = { kind: 'visit', happenedAt: '2026-01-05', summary: 'Showroom visit', outcome: 'Demo wanted' };
const budgetOf = (subjects: Subjects) => `/dealers/${dealerOf(subjects)}/funds/2026`;
/** Each fund request the budget commands work on: a command repeated as it was changes nothing and answers 200. */
const fundCommand =
  (requestId: string, step: string, body: object) =>
  (subjects: Subjects): Call => ({ method: 'post', path: `${budgetOf(subjects)}/requests/${requestId}/${step}`, body });
/** A deal registration of the subjects' company, for the dealer within (or out of) the dealer user's reach. */
const registrationOf = (subjects: Subjects): Call => ({
  method: 'post',
  path: '/registrations',
  body: { registrationId: `reg-${subjects.segmentId}`, dealerId: dealerOf(subjects), companyName: subjects.company },
});
const dealerFundWork = { reached: 'ok ok ok 403 403 ok 403', unreached: 'ok ok ok 403 403 404 403' };
const dealerSetupWork = { reached: 'ok ok ok 403 403 403 403' };
const salesPlan = {
  value: eur(100_000),
  units: 10,
  productMix: [{ productGroup: 'presses', value: eur(100_000), units: 10 }],
  reason: 'Annual plan',
};
const planOf = (dealerId: string) => `/dealers/${dealerId}/plans/2026`;

const table: Record<string, Row> = {
  'POST /dealers': {
    call: (subjects) => ({
      method: 'post',
      path: '/dealers',
      body: dealerApplication(`applied-${subjects.segmentId}`, subjects.company),
    }),
    ...dealerSetup,
  },
  'GET /dealers': { call: get('/dealers?pageSize=200'), reached: dealerReads },
  'GET /dealers/export': { call: get('/dealers/export'), reached: dealerReads },
  'GET /dealers/:dealerId': {
    call: (subjects) => ({ method: 'get', path: `/dealers/${subjects.dealerId}` }),
    reached: 'sees sees sees sees sees 404 sees',
  },
  'POST /dealers/:dealerId/approval': { call: onDealer('post', 'approval'), ...dealerSetup },
  'POST /dealers/:dealerId/rejection': {
    call: onDealer('post', 'rejection', { reason: 'No workshop' }),
    ...dealerSetup,
  },
  'PUT /dealers/:dealerId/requirements/:requirementId': {
    prepare: approved,
    call: onDealer('put', 'requirements/bank-details', { evidence: 'Bank letter' }),
    reached: 'ok ok ok 403 403 404 403',
    writes: true,
  },
  'POST /dealers/:dealerId/activation': {
    prepare: onboarded,
    call: onDealer('post', 'activation'),
    ...dealerStanding,
  },
  'POST /dealers/:dealerId/suspension': {
    prepare: activeDealer,
    call: onDealer('post', 'suspension', { reason: 'Unpaid invoices' }),
    ...dealerStanding,
  },
  'POST /dealers/:dealerId/reinstatement': {
    prepare: (subjects) => [...activeDealer(subjects), onDealer('post', 'suspension', { reason: 'Unpaid' })(subjects)],
    call: onDealer('post', 'reinstatement'),
    ...dealerStanding,
  },
  'POST /dealers/:dealerId/termination': {
    prepare: approved,
    call: onDealer('post', 'termination', { reason: 'Left the market', effectiveDay: '2099-12-31' }),
    ...dealerStanding,
  },
  'PUT /dealers/:dealerId/users/:userId': {
    prepare: approved,
    call: onDealer('put', 'users/dealer-user-9'),
    ...dealerSetup,
  },
  'POST /dealers/:dealerId/users/:userId/removal': {
    prepare: (subjects) => [...approved(subjects), onDealer('put', 'users/dealer-user-9')(subjects)],
    call: onDealer('post', 'users/dealer-user-9/removal'),
    ...dealerSetup,
  },
  'POST /dealers/:dealerId/contacts': {
    call: (subjects) => ({ method: 'post', path: `/dealers/${dealerOf(subjects)}/contacts`, body: contact }),
    reached: 'ok ok ok ok ok 403 403',
  },
  'GET /dealers/:dealerId/contacts': {
    call: (subjects) => get(`/dealers/${dealerOf(subjects)}/contacts`)(),
    reached: everyone,
    unreached: 'ok ok ok ok ok 404 ok',
  },
  'GET /contacts/silent-dealers': { call: get('/contacts/silent-dealers?days=30'), reached: organisationReads },
  'GET /contacts/follow-ups/overdue': { call: get('/contacts/follow-ups/overdue'), reached: organisationReads },
  'POST /contacts/:contactId/follow-up': {
    call: (_s, shared) => ({
      method: 'post',
      path: `/contacts/${shared.contactId}/follow-up`,
      body: { completedAt: '2026-01-06T10:00:00Z', note: 'Called back' },
    }),
    reached: 'ok ok ok ok ok 403 403',
  },
  'GET /dealers/:dealerId/funds/:period': {
    call: (subjects) => get(budgetOf(subjects))(),
    reached: everyone,
    unreached: 'ok ok ok ok ok 404 ok',
  },
  'PUT /dealers/:dealerId/funds/:period': {
    call: (subjects) => ({ method: 'put', path: budgetOf(subjects), body: { amount: eur(100_000), reason: 'Plan' } }),
    ...dealerSetupWork,
  },
  'POST /dealers/:dealerId/funds/:period/requests': {
    call: (subjects) => ({
      method: 'post',
      path: `${budgetOf(subjects)}/requests`,
      body: { amount: eur(10), purpose: 'Flyers' },
    }),
    ...dealerFundWork,
  },
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/approval': {
    call: fundCommand('to-approve', 'approval', { approvedAmount: eur(1_000) }),
    ...dealerSetupWork,
  },
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/rejection': {
    call: fundCommand('to-reject', 'rejection', { reason: 'Not marketing' }),
    ...dealerSetupWork,
  },
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/claim': {
    call: fundCommand('to-claim', 'claim', { claimedAmount: eur(1_000), proof: ['invoice-1'] }),
    ...dealerFundWork,
  },
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/payment': {
    call: fundCommand('to-pay', 'payment', { paidAt: '2026-01-06T10:00:00Z', reference: 'SEPA-1' }),
    ...dealerSetupWork,
  },
  'POST /registrations': {
    call: (subjects) => ({
      method: 'post',
      path: '/registrations',
      body: { dealerId: dealerOf(subjects), companyName: subjects.company },
    }),
    reached: 'ok ok ok 403 403 ok 403',
    unreached: 'ok ok ok 403 403 404 403',
    settles: true,
  },
  'GET /registrations': {
    prepare: registrationOf,
    call: get('/registrations?pageSize=200'),
    reached: 'sees sees sees sees sees sees sees',
    unreached: 'sees sees sees sees sees blind sees',
  },
  'GET /registrations/:registrationId': {
    prepare: registrationOf,
    call: (subjects) => get(`/registrations/reg-${subjects.segmentId}`)(),
    reached: everyone,
    unreached: 'ok ok ok ok ok 404 ok',
  },
  'GET /plans': { call: get('/plans?period=2026&pageSize=200'), reached: dealerReads },
  'GET /plans/export': { call: get('/plans/export?period=2026'), reached: dealerReads },
  'GET /dealers/:dealerId/plans/:period': {
    call: (subjects) => get(planOf(dealerOf(subjects)))(),
    reached: everyone,
    unreached: 'ok ok ok ok ok 404 ok',
  },
  'PUT /dealers/:dealerId/plans/:period': {
    call: (subjects) => ({ method: 'put', path: planOf(subjects.dealerId), body: salesPlan }),
    ...dealerSetup,
  },
  'GET /channels': { call: get('/channels'), reached: everyone },
  'GET /channels/:channelId': { call: get('/channels/dealers-north'), reached: everyone },
  'PUT /channels/:channelId': {
    call: (subjects) => ({ method: 'put', path: channelOf(subjects), body: channel }),
    ...setupWork,
  },
  'POST /channels/:channelId/retirement': {
    prepare: (subjects) => ({ method: 'put', path: channelOf(subjects), body: channel }),
    call: (subjects) => ({ method: 'post', path: `${channelOf(subjects)}/retirement`, body: { reason: 'Merged' } }),
    ...setupWork,
  },
  'GET /agreements': { call: get('/agreements'), reached: everyone },
  'GET /agreements/:agreementId': { call: get('/agreements/agr-north'), reached: everyone },
  'GET /agreements/:agreementId/terms': { call: get('/agreements/agr-north/terms?on=2026-03-01'), reached: everyone },
  'PUT /agreements/:agreementId/versions': { call: draftAgreement, ...setupWork },
  'POST /agreements/:agreementId/versions/:version/signature': {
    prepare: draftAgreement,
    call: (subjects) => ({ method: 'post', path: `${agreementOf(subjects)}/versions/1/signature`, body: signature }),
    ...setupWork,
  },
  'POST /agreements/:agreementId/versions/:version/withdrawal': {
    prepare: draftAgreement,
    call: (subjects) => ({
      method: 'post',
      path: `${agreementOf(subjects)}/versions/1/withdrawal`,
      body: { reason: 'Not agreed' },
    }),
    ...setupWork,
  },
  'POST /agreements/:agreementId/renewal': {
    prepare: (subjects) => [
      draftAgreement(subjects),
      { method: 'post', path: `${agreementOf(subjects)}/versions/1/signature`, body: signature },
    ],
    call: (subjects) => ({
      method: 'post',
      path: `${agreementOf(subjects)}/renewal`,
      body: { expiresOn: '2027-12-31' },
    }),
    ...setupWork,
  },
  'POST /agreements/:agreementId/termination': {
    prepare: draftAgreement,
    call: (subjects) => ({
      method: 'post',
      path: `${agreementOf(subjects)}/termination`,
      body: { effectiveOn: '2026-09-01', reason: 'Ceased trading' },
    }),
    ...setupWork,
  },
  'GET /tier-programmes': { call: get('/tier-programmes'), reached: organisationReads },
  'GET /tier-programmes/:programmeId': { call: get('/tier-programmes/prog-north'), reached: organisationReads },
  'PUT /tier-programmes/:programmeId': {
    call: (subjects) => ({ method: 'put', path: `/tier-programmes/prog-${subjects.segmentId}`, body: tierProgramme }),
    ...setupWork,
  },
  'GET /dealers/:dealerId/tier': { call: get('/dealers/north-dealer/tier?asOf=2026-03-01'), reached: everyone },
  'POST /dealers/:dealerId/tier/assignment': { call: assignTier, ...setupWork },
  'POST /dealers/:dealerId/tier/reviews': {
    prepare: assignTier,
    call: (subjects) => ({ method: 'post', path: `${tierOf(subjects)}/reviews`, body: tierReview }),
    ...setupWork,
  },
  'POST /dealers/:dealerId/tier/reviews/:reviewId/confirmation': {
    prepare: (subjects) => [
      assignTier(subjects),
      { method: 'post', path: `${tierOf(subjects)}/reviews`, body: tierReview },
    ],
    call: (subjects) => ({
      method: 'post',
      path: `${tierOf(subjects)}/reviews/review-1/confirmation`,
      body: { effectiveFrom: '2026-07-01' },
    }),
    ...setupWork,
  },
  'POST /dealers/:dealerId/tier/reviews/:reviewId/rejection': {
    prepare: (subjects) => [
      assignTier(subjects),
      { method: 'post', path: `${tierOf(subjects)}/reviews`, body: tierReview },
    ],
    call: (subjects) => ({
      method: 'post',
      path: `${tierOf(subjects)}/reviews/review-1/rejection`,
      body: { reason: 'One-off order' },
    }),
    ...setupWork,
  },
  'POST /dealers/:dealerId/tier/corrections': {
    prepare: assignTier,
    call: (subjects) => ({
      method: 'post',
      path: `${tierOf(subjects)}/corrections`,
      body: { correctionId: 'fix-1', corrects: 'initial', tierId: 'gold', reason: 'Wrong list' },
    }),
    ...setupWork,
  },
  'GET /pipelines': { call: get('/pipelines'), reached: everyone },
  'PUT /pipelines/:pipelineId': {
    call: () => ({
      method: 'put',
      path: '/pipelines/service-contracts',
      body: { name: 'Service contracts', stages: [{ stageId: 'offer', name: 'Offer', probability: 0.4 }] },
    }),
    ...setupWork,
  },
  'PUT /opportunity-reasons': {
    call: () => ({
      method: 'put',
      path: '/opportunity-reasons',
      body: { wonReasons: ['relationship'], lossReasons: ['price', 'competitor', 'timing'] },
    }),
    ...setupWork,
  },
  'GET /opportunities': {
    call: get('/opportunities'),
    reached: 'sees sees sees sees sees sees sees',
    unreached: 'sees sees sees blind blind blind sees',
  },
  'GET /opportunities/export': {
    call: get('/opportunities/export'),
    reached: 'sees sees sees sees sees sees sees',
    unreached: 'sees sees sees blind blind blind sees',
  },
  'GET /opportunities/:opportunityId': {
    call: (s) => get(`/opportunities/${s.opportunityId}`)(),
    reached: everyone,
    unreached: 'ok ok ok 404 404 404 ok',
  },
  'POST /opportunities': {
    call: (s) => ({ method: 'post', path: '/opportunities', body: deal(`${s.company} New`, 'reached') }),
    reached: 'ok ok ok ok ok 403 403',
    writes: true,
  },
  'POST /leads/:leadId/conversion': {
    call: (s) => ({ method: 'post', path: `/leads/${s.qualifiedLeadId}/conversion`, body: deal(s.company, 'reached') }),
    ...leadWork,
  },
  'PUT /opportunities/:opportunityId/stage': {
    call: dealCommand('put', 'stage', { stageId: 'qualification' }),
    ...dealWork,
  },
  'POST /opportunities/:opportunityId/forecast': {
    call: dealCommand('post', 'forecast', {
      amount: { amount: 60_000, currency: 'EUR' },
      expectedCloseDate: '2027-01-31',
    }),
    ...dealWork,
  },
  'PUT /opportunities/:opportunityId/products': {
    call: dealCommand('put', 'products', { products: [{ productId: 'lathe-7', quantity: 2 }] }),
    ...dealWork,
  },
  'PUT /opportunities/:opportunityId/channel': {
    call: dealCommand('put', 'channel', { kind: 'dealer', dealerId: 'other-dealer' }),
    reached: 'ok ok ok ok ok 403 403',
    unreached: 'ok ok ok 404 404 403 403',
    writes: true,
  },
  'POST /opportunities/:opportunityId/win': { call: dealCommand('post', 'win', {}), ...dealWork },
  'POST /opportunities/:opportunityId/loss': { call: dealCommand('post', 'loss', { reason: 'price' }), ...dealWork },
  'POST /opportunities/:opportunityId/reopen': {
    call: dealCommand('post', 'reopen', { stageId: 'prospecting' }),
    prepare: dealCommand('post', 'loss', { reason: 'price' }),
    ...dealWork,
  },
  'GET /segments': { call: get('/segments'), reached: organisationReads },
  'GET /segments/:segmentId': { call: (s) => get(`/segments/${s.segmentId}`)(), reached: organisationReads },
  'POST /segments': {
    call: () => ({ method: 'post', path: '/segments', body: { name: 'Fresh', criteria: { industries: ['retail'] } } }),
    ...setupWork,
  },
  'PUT /segments/:segmentId': {
    call: (s) => ({
      method: 'put',
      path: `/segments/${s.segmentId}`,
      body: { name: 'Renamed', criteria: { industries: ['retail'] } },
    }),
    ...setupWork,
  },
  'POST /segments/:segmentId/retirement': {
    call: (s) => ({ method: 'post', path: `/segments/${s.segmentId}/retirement`, body: { reason: 'merged' } }),
    ...setupWork,
  },
  'GET /assignment-rules': { call: get('/assignment-rules'), reached: organisationReads },
  'GET /scoring-rules': { call: get('/scoring-rules'), reached: organisationReads },
  'PUT /scoring-rules': {
    call: () => ({ method: 'put', path: '/scoring-rules', body: scoringRules }),
    ...setupWork,
  },
  'PUT /assignment-rules': {
    call: () => ({ method: 'put', path: '/assignment-rules', body: { rules: routingRules } }),
    ...setupWork,
  },
  'POST /leads': {
    call: (s) => ({
      method: 'post',
      path: '/leads',
      body: { source: 'web', contact: { name: 'Nia' }, company: { name: `${s.company} New` } },
    }),
    reached: 'ok ok ok ok ok 403 403',
    writes: true,
  },
  'GET /leads': {
    call: get('/leads'),
    reached: 'sees sees sees sees sees 403 sees',
    unreached: 'sees sees sees blind blind 403 sees',
  },
  'GET /leads/export': {
    call: get('/leads/export'),
    reached: 'sees sees sees sees sees 403 sees',
    unreached: 'sees sees sees blind blind 403 sees',
  },
  'POST /leads/imports': {
    call: () => ({
      method: 'post',
      path: '/leads/imports',
      csv: 'source,company_name,contact_name\r\nweb,Listed Co,Lu\r\n',
    }),
    reached: 'ok ok ok ok ok 403 403',
    writes: true,
  },
  // The manager started it: those who see the whole division follow it, nobody else does.
  'GET /leads/imports/:importId': {
    call: (_s, shared) => get(`/leads/imports/${shared.importId}`)(),
    reached: 'ok ok ok 404 404 403 ok',
  },
  'GET /leads/:leadId': {
    call: (s) => get(`/leads/${s.leadId}`)(),
    reached: 'ok ok ok ok ok 403 ok',
    unreached: 'ok ok ok 404 404 403 ok',
  },
  'PATCH /leads/:leadId': {
    call: (s) => ({ method: 'patch', path: `/leads/${s.leadId}`, body: { territory: 'harbour' } }),
    ...leadWork,
  },
  'POST /leads/:leadId/qualification': { call: leadCommand('qualification', {}), ...leadWork },
  'POST /leads/:leadId/disqualification': {
    call: leadCommand('disqualification', { reason: 'no budget' }),
    ...leadWork,
  },
  'POST /leads/:leadId/nurturing': { call: leadCommand('nurturing', { until: '2027-03-01' }), ...leadWork },
  'PUT /leads/:leadId/owner': {
    call: (s) => ({ method: 'put', path: `/leads/${s.leadId}/owner`, body: { repId: 'rep-third' } }),
    reached: 'ok ok ok ok 403 403 403',
    unreached: 'ok ok ok 404 403 403 403',
    writes: true,
  },
  'POST /leads/:leadId/merge': {
    call: (s) => leadCommand('merge', { intoLeadId: s.otherLeadId })(s),
    ...leadWork,
  },
  'POST /admin/projections/:name/rebuild': {
    call: () => ({ method: 'post', path: '/admin/projections/pipeline/rebuild' }),
    reached: adminOnly,
  },
  'GET /admin/projections/rebuilds/:rebuildId': {
    call: (_s, shared) => get(`/admin/projections/rebuilds/${shared.rebuildId}`)(),
    reached: adminOnly,
  },
  'GET /metrics': { call: get('/metrics'), reached: everyone },
  'GET /divisions': { call: get('/divisions'), reached: everyone },
  'GET /divisions/:divisionId': { call: get('/divisions/north'), reached: everyone },
  // The same roster again: an admin's record of it changes nothing the other cells rely on.
  'PUT /divisions/:divisionId': {
    call: () => ({ method: 'put', path: '/divisions/north', body: testRoster }),
    reached: adminOnly,
  },
  'GET /reports/funnel': { call: get('/reports/funnel?groupBy=segment'), reached: everyone },
  'GET /reports/lead-sources': { call: get('/reports/lead-sources'), reached: everyone },
  'GET /reports/pipeline': { call: get('/reports/pipeline'), reached: everyone },
  'GET /reports/outcomes': { call: get('/reports/outcomes'), reached: everyone },
  'GET /reports/stages': { call: get('/reports/stages'), reached: everyone },
  'GET /reports/key-customers': {
    call: get('/reports/key-customers'),
    reached: 'sees sees sees sees sees sees sees',
    unreached: 'sees sees sees blind blind blind sees',
  },
  // The division's organisation: its roles read it whole, dealers not at all; its managers shape it.
  'GET /units': { call: get('/units?asOf=2026-03-01'), reached: organisationReads },
  'GET /units/:unitId': { call: get('/units/unit-north'), reached: organisationReads },
  'POST /units': { call: openUnit, ...setupWork },
  'PUT /units/:unitId': {
    prepare: openUnit,
    call: (subjects) => ({
      method: 'put',
      path: unitOf(subjects),
      body: { name: 'North & east', productGroups: [], segments: [], territories: ['north', 'east'] },
    }),
    ...setupWork,
  },
  'POST /units/:unitId/managers': {
    prepare: openUnit,
    call: (subjects) => ({
      method: 'post',
      path: `${unitOf(subjects)}/managers`,
      body: { personId: 'person-1', effectiveOn: '2026-02-01' },
    }),
    ...setupWork,
  },
  'POST /units/:unitId/closure': {
    prepare: openUnit,
    call: (subjects) => ({
      method: 'post',
      path: `${unitOf(subjects)}/closure`,
      body: { reason: 'Merged', effectiveOn: '2026-10-01' },
    }),
    ...setupWork,
  },
  'GET /positions': { call: get('/positions'), reached: organisationReads },
  'GET /positions/:positionId': { call: get('/positions/position-north'), reached: organisationReads },
  'POST /positions': { call: definePosition, ...setupWork },
  'PUT /positions/:positionId': {
    prepare: definePosition,
    call: (subjects) => ({
      method: 'put',
      path: positionOf(subjects),
      body: { ...positionProfile, title: 'Senior account executive' },
    }),
    ...setupWork,
  },
  'POST /positions/:positionId/retirement': {
    prepare: definePosition,
    call: (subjects) => ({ method: 'post', path: `${positionOf(subjects)}/retirement`, body: { reason: 'Merged' } }),
    ...setupWork,
  },
  // The division's people: its roles read them as their reach goes (a team lead the people of the units they
  // manage, a rep their own record), dealers not at all; the division-wide roles hire, transfer and see people off.
  'POST /people': { call: (subjects) => hirePerson(subjects, `person-new-${subjects.segmentId}`), ...personSetup },
  'POST /people/imports': {
    call: (subjects) => ({
      method: 'post',
      path: '/people/imports',
      csv:
        'person_id,name,email,unit_id,position_id,hired_on\r\n' +
        `person-csv-${subjects.segmentId},Imported,imported@example.com,unit-north,position-north,2026-01-05\r\n`,
    }),
    ...personSetup,
  },
  'GET /people': {
    call: get('/people?pageSize=200'),
    reached: 'sees sees sees sees sees 403 sees',
    unreached: 'sees sees sees blind blind 403 sees',
  },
  'GET /people/:personId': {
    call: (subjects) => get(personOf(subjects))(),
    reached: 'ok ok ok ok ok 403 ok',
    unreached: 'ok ok ok 404 404 403 ok',
  },
  'PUT /people/:personId/onboarding-plan': {
    prepare: hirePerson,
    call: onPerson('put', 'onboarding-plan', onboardingPlan),
    ...personCare,
  },
  'POST /people/:personId/onboarding-plan/tasks/:taskId/completion': {
    prepare: (subjects) => [hirePerson(subjects), onPerson('put', 'onboarding-plan', onboardingPlan)(subjects)],
    call: onPerson('post', 'onboarding-plan/tasks/accounts/completion'),
    ...personCare,
  },
  'PUT /people/:personId/ramp-schedule': {
    prepare: hirePerson,
    call: onPerson('put', 'ramp-schedule', { monthlyShares: [0.5, 1] }),
    ...personCare,
  },
  'POST /people/:personId/leave': {
    prepare: hirePerson,
    call: onPerson('post', 'leave', { startsOn: '2026-02-02', reason: 'Parental leave' }),
    ...personCare,
  },
  'POST /people/:personId/return': {
    prepare: (subjects) => [
      hirePerson(subjects),
      onPerson('post', 'leave', { startsOn: '2026-02-02', reason: 'Parental leave' })(subjects),
    ],
    call: onPerson('post', 'return', { returnsOn: '2026-03-02' }),
    ...personCare,
  },
  'POST /people/:personId/transfers': {
    prepare: hirePerson,
    call: onPerson('post', 'transfers', { toUnitId: 'unit-far', effectiveOn: '2027-01-01', reason: 'Moved' }),
    ...personSetup,
  },
  'POST /people/:personId/departure': {
    prepare: hirePerson,
    call: onPerson('post', 'departure', { departedOn: '2099-12-31', reason: 'Moved abroad' }),
    ...personSetup,
  },
  // Training: its catalogue is the division's (its roles read it, its wide roles shape it); a person's training is
  // changed by the division-wide roles and the lead of the person's unit, and read by them, analysts and the person;
  // a unit's readiness and the reminders are for those who look after many people: not reps.
  'GET /training/courses': { call: get('/training/courses'), reached: organisationReads },
  'GET /training/courses/:courseId': { call: get('/training/courses/course-north'), reached: organisationReads },
  'POST /training/courses': { call: defineCourse, ...setupWork },
  'PUT /training/courses/:courseId': {
    prepare: defineCourse,
    call: (subjects) => ({ method: 'put', path: courseOf(subjects), body: { ...courseProfile, passMark: 80 } }),
    ...setupWork,
  },
  'POST /training/courses/:courseId/retirement': {
    prepare: defineCourse,
    call: (subjects) => ({ method: 'post', path: `${courseOf(subjects)}/retirement`, body: { reason: 'Replaced' } }),
    ...setupWork,
  },
  'GET /training/programmes': { call: get('/training/programmes'), reached: organisationReads },
  'GET /training/programmes/:programmeId': {
    call: get('/training/programmes/programme-north'),
    reached: organisationReads,
  },
  'POST /training/programmes': { call: defineProgramme, ...setupWork },
  'PUT /training/programmes/:programmeId': {
    prepare: defineProgramme,
    call: (subjects) => ({
      method: 'put',
      path: programmeOf(subjects),
      body: { ...programmeProfile, title: 'Renamed path' },
    }),
    ...setupWork,
  },
  'POST /training/programmes/:programmeId/retirement': {
    prepare: defineProgramme,
    call: (subjects) => ({ method: 'post', path: `${programmeOf(subjects)}/retirement`, body: { reason: 'Merged' } }),
    ...setupWork,
  },
  'GET /training/people/:personId': { call: (subjects) => get(trainingOf(subjects))(), ...personReads },
  'GET /training/people/:personId/readiness': {
    call: (subjects) => get(`${trainingOf(subjects)}/readiness`)(),
    ...personReads,
  },
  'POST /training/people/:personId/enrolments': {
    prepare: hirePerson,
    call: onTraining('enrolments', enrolment),
    ...personCare,
  },
  'POST /training/people/:personId/assessments': {
    prepare: hirePerson,
    call: onTraining('assessments', { courseId: 'course-north', score: 80, assessedOn: '2026-02-10' }),
    ...personCare,
  },
  'POST /training/people/:personId/withdrawals': {
    prepare: (subjects) => [hirePerson(subjects), onTraining('enrolments', enrolment)(subjects)],
    call: onTraining('withdrawals', { courseId: 'course-north', reason: 'Moved', withdrawnOn: '2026-02-03' }),
    ...personCare,
  },
  'GET /training/units/:unitId/readiness': {
    call: (subjects) => get(`/training/units/${within(subjects) ? 'unit-north' : 'unit-far'}/readiness`)(),
    reached: 'ok ok ok ok 403 403 ok',
    unreached: 'ok ok ok 404 403 403 ok',
  },
  'GET /training/certifications/expiring': {
    call: get('/training/certifications/expiring?withinDays=30'),
    reached: 'ok ok ok ok 403 403 ok',
  },
  'GET /reports/deals': {
    call: get('/reports/deals'),
    reached: 'sees sees sees sees sees sees sees',
    unreached: 'sees sees sees blind blind blind sees',
  },
  // Division-wide roles read every channel and dealer; a dealer's users their own dealer; reps and team leads none.
  'GET /reports/channels': { call: get('/reports/channels'), reached: 'ok ok ok 403 403 ok ok' },
  'GET /reports/dealers': { call: get('/reports/dealers'), reached: 'ok ok ok 403 403 ok ok' },
  'GET /reports/dealers/:dealerId/deals': {
    call: (subjects) => get(`/reports/dealers/${subjects.dealerId}/deals`)(),
    reached: 'ok ok ok 403 403 404 ok',
  },
};

/** Leads without a territory go to the north team's round robin (rep-north); the far territory to rep-other. */
const routingRules = [
  { kind: 'territory-segment', ruleId: 'far', territory: 'far-away', repId: 'rep-other' },
  { kind: 'round-robin', ruleId: 'north-rr', teamId: 'north-team', repIds: ['rep-north'] },
];

function outcomes(line: string): Record<RoleName, Outcome> {
  const words = line.trim().split(/\s+/) as Outcome[];
  if (words.length !== roles.length) throw new Error(`A row needs ${roles.length} outcomes: '${line}'`);
  return Object.fromEntries(roles.map((role, index) => [role, words[index]])) as Record<RoleName, Outcome>;
}

describe('roles within a division: every role, every route, on records within and out of its reach', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let made = 0;
  const shared = { importId: '', rebuildId: '', contactId: '' };
  const readSubjects = {} as Record<Reach, Subjects>;

  const send = (call: Call, headers: Record<string, string>) => {
    const pending = request(app.getHttpServer())[call.method](call.path).set(headers);
    if (call.csv !== undefined) return pending.set('Content-Type', 'text/csv').send(call.csv);
    return call.body === undefined ? pending : pending.send(call.body);
  };
  const ok = async (call: Call, headers = setUp) => {
    const response = await send(call, headers);
    if (response.status >= 300) throw new Error(`${call.method} ${call.path}: ${response.status} ${response.text}`);
    return response.body as Record<string, string>;
  };
  const storedEvents = async () => (await store.readAll({ maxCount: 1_000_000 })).events.length;
  /** The store's event count once nothing has been added for a while: what earlier cells set going has landed. */
  const settled = async (): Promise<number> => {
    let count = await storedEvents();
    for (let quiet = 0; quiet < 5;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = await storedEvents();
      quiet = now === count ? quiet + 1 : 0;
      count = now;
    }
    return count;
  };

  async function makeSubjects(reach: Reach): Promise<Subjects> {
    made += 1;
    const company = `${reach === 'reached' ? 'Within' : 'Beyond'} Reach ${made} GmbH`;
    const lead = (name: string) => ({
      source: 'web',
      contact: { name },
      // Only the first lead carries the bare company name; the others differ so as not to read as duplicates.
      company: { name: name === 'Ada' ? company : `${company} ${name}` },
      ...(reach === 'reached' ? {} : { territory: 'far-away' }),
    });
    const capture = async (name: string) => (await ok({ method: 'post', path: '/leads', body: lead(name) })).leadId!;
    const [leadId, otherLeadId, qualifiedLeadId, dealLeadId] = [
      await capture('Ada'),
      await capture('Bo'),
      await capture('Cy'),
      await capture('Di'),
    ];
    for (const id of [qualifiedLeadId, dealLeadId]) {
      await ok({ method: 'post', path: `/leads/${id}/qualification`, body: {} });
    }
    const opened = await ok({
      method: 'post',
      path: `/leads/${dealLeadId}/conversion`,
      body: { ...deal(company, reach), ownerRepId: reach === 'reached' ? 'rep-north' : 'rep-other' },
    });
    const segment = await ok({
      method: 'post',
      path: '/segments',
      body: { name: `Segment ${made}`, criteria: { industries: ['machinery'] } },
    });
    const dealerId = `dealer-${made}`;
    await ok({ method: 'post', path: '/dealers', body: dealerApplication(dealerId, company) });
    return {
      company,
      dealerId,
      leadId,
      otherLeadId,
      qualifiedLeadId,
      opportunityId: opened.opportunityId!,
      segmentId: segment.segmentId!,
    };
  }

  beforeAll(async () => {
    ({ app, store } = await startTestPlatform());
    await ok({ method: 'put', path: '/assignment-rules', body: { rules: routingRules } });
    await ok({ method: 'put', path: '/channels/dealers-north', body: channel });
    // Deals go through north-dealer and other-dealer: the leads service must have heard of them from channels.
    await recordPlatformDealers(app, store, [{ dealerId: 'north-dealer', userIds: ['dealer-north-user'] }]);
    for (const dealerId of tierDealers) await recordTestDealer(app, store, { dealerId });
    await ok({ method: 'put', path: '/agreements/agr-north/versions', body: agreementDraft });
    await ok({ method: 'post', path: '/agreements/agr-north/versions/1/signature', body: signature });
    await ok({ method: 'put', path: '/tier-programmes/prog-north', body: tierProgramme });
    await ok({ method: 'post', path: '/units', body: unitOpening('unit-north') });
    await ok({ method: 'post', path: '/positions', body: { positionId: 'position-north', ...positionProfile } });
    await ok({ method: 'post', path: '/units', body: unitOpening('unit-far') });
    // The team lead is a person of the division, and the organisation names them the north unit's manager.
    await ok({
      method: 'post',
      path: '/people',
      body: {
        personId: 'person-lead-north',
        name: 'North lead',
        email: 'lead@example.com',
        unitId: 'unit-north',
        positionId: 'position-north',
        hiredOn: '2026-01-01',
        userId: 'lead-north',
      },
    });
    await ok({
      method: 'post',
      path: '/units/unit-north/managers',
      body: { personId: 'person-lead-north', effectiveOn: '2026-01-01' },
    });
    await ok({ method: 'post', path: '/training/courses', body: { courseId: 'course-north', ...courseProfile } });
    await ok({
      method: 'post',
      path: '/training/programmes',
      body: { programmeId: 'programme-north', ...programmeProfile },
    });
    await ok({
      method: 'post',
      path: '/dealers/north-dealer/tier/assignment',
      body: { programmeId: 'prog-north', changeId: 'initial', tierId: 'silver', effectiveFrom: '2026-01-01' },
    });
    await recordPlatformDealers(app, store, [{ dealerId: 'other-dealer', userIds: ['dealer-other-user'] }]);
    shared.contactId = (
      await ok({
        method: 'post',
        path: '/dealers/north-dealer/contacts',
        body: { ...contact, followUpDue: '2026-01-10' },
      })
    ).contactId!;
    for (const dealerId of ['north-dealer', 'other-dealer']) {
      const budget = `/dealers/${dealerId}/funds/2026`;
      await ok({ method: 'put', path: budget, body: { amount: eur(100_000) } });
      for (const requestId of ['to-approve', 'to-reject', 'to-claim', 'to-pay']) {
        await ok({
          method: 'post',
          path: `${budget}/requests`,
          body: { requestId, amount: eur(1_000), purpose: 'Fair' },
        });
      }
      for (const requestId of ['to-claim', 'to-pay']) {
        await ok({
          method: 'post',
          path: `${budget}/requests/${requestId}/approval`,
          body: { approvedAmount: eur(1_000) },
        });
      }
      await ok({
        method: 'post',
        path: `${budget}/requests/to-pay/claim`,
        body: { claimedAmount: eur(1_000), proof: ['invoice-1'] },
      });
    }
    readSubjects.reached = await makeSubjects('reached');
    readSubjects.unreached = await makeSubjects('unreached');
    for (const subjects of Object.values(readSubjects)) await ok(hirePerson(subjects));
    for (const dealerId of ['north-dealer', 'other-dealer', readSubjects.reached.dealerId]) {
      await ok({ method: 'put', path: planOf(dealerId), body: salesPlan });
    }
    shared.importId = (
      await ok({
        method: 'post',
        path: '/leads/imports',
        csv: 'source,company_name,contact_name\r\nweb,Imported Co,Ed\r\n',
      })
    ).importId!;
    shared.rebuildId = (
      await ok({ method: 'post', path: '/admin/projections/lead-funnel/rebuild' }, callers.admin)
    ).rebuildId!;
    // The reports show both deals before anyone asks.
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const deals = await send(get('/reports/deals')(), setUp);
      const rebuild = await send(get(`/admin/projections/rebuilds/${shared.rebuildId}`)(), callers.admin);
      const shown = [readSubjects.reached, readSubjects.unreached].every((s) => deals.text.includes(s.company));
      if (shown && rebuild.body.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('has a row for every route the platform serves, and seven outcomes in each', () => {
    const served = servedRoutes(app).filter((route) => !route.startsWith('GET /health/'));
    expect(served.sort()).toEqual(Object.keys(table).sort());
    for (const row of Object.values(table)) {
      outcomes(row.reached);
      if (row.unreached !== undefined) outcomes(row.unreached);
    }
  });

  // Reads first, on the two sets of records made for them, before the commands' records fill the first pages.
  const rows = Object.entries(table).sort(([, a], [, b]) => Number(a.writes === true) - Number(b.writes === true));
  const cells = rows.flatMap(([route, row]) =>
    (['reached', 'unreached'] as const)
      .filter((reach) => reach === 'reached' || row.unreached !== undefined)
      .map((reach) => ({ route, row, reach })),
  );

  it.each(cells)('$route on records $reach', async ({ route, row, reach }) => {
    const expected = outcomes((reach === 'reached' ? row.reached : row.unreached) as string);
    const answers: Record<string, string> = {};
    for (const role of roles) {
      const subjects = row.writes === true ? await makeSubjects(reach) : readSubjects[reach];
      for (const step of row.prepare === undefined ? [] : [row.prepare(subjects)].flat()) await ok(step);
      const before = row.settles === true ? await settled() : await storedEvents();
      const response = await send(row.call(subjects, shared), callers[role]);
      const success = response.status >= 200 && response.status < 300;
      const shown = response.text.includes(subjects.company);
      answers[role] = success
        ? expected[role] === 'sees' || expected[role] === 'blind'
          ? shown
            ? 'sees'
            : 'blind'
          : 'ok'
        : String(response.status);
      if (!success)
        expect({ route, role, appended: (await storedEvents()) - before }).toEqual({ route, role, appended: 0 });
    }
    expect({ route, reach, answers }).toEqual({ route, reach, answers: expected });
  });

  it('makes a deal a rep opens theirs, and lets only those above a rep open one for someone else', async () => {
    const { company } = await makeSubjects('reached');
    const opened = await ok(
      { method: 'post', path: '/opportunities', body: deal(`${company} Own`, 'reached') },
      callers.rep,
    );
    const own = await send(get(`/opportunities/${opened.opportunityId}`)(), callers.rep);
    expect({ status: own.status, owner: own.body.ownerRepId }).toEqual({ status: 200, owner: 'rep-north' });

    const before = await storedEvents();
    const forOther = { ...deal(`${company} Other`, 'reached'), ownerRepId: 'rep-other' };
    const refused = await send({ method: 'post', path: '/opportunities', body: forOther }, callers.rep);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/ownerRepId must be yours/);
    expect(await storedEvents()).toBe(before);
    const byTeamLead = await ok({ method: 'post', path: '/opportunities', body: forOther }, callers['team-lead']);
    const handed = await send(get(`/opportunities/${byTeamLead.opportunityId}`)(), callers.manager);
    expect(handed.body.ownerRepId).toBe('rep-other');
  });

  it('merges a rep’s lead only into a lead the rep reaches', async () => {
    const own = await makeSubjects('reached');
    const beyond = await makeSubjects('unreached');
    const before = await storedEvents();
    const refused = await send(
      { method: 'post', path: `/leads/${own.leadId}/merge`, body: { intoLeadId: beyond.leadId } },
      callers.rep,
    );
    expect(refused.status).toBe(404);
    expect(await storedEvents()).toBe(before);
  });

  it('keeps one user’s Idempotency-Key from answering with another user’s record', async () => {
    const { company } = await makeSubjects('unreached');
    const key = { 'Idempotency-Key': `capture-${company.replace(/\W/g, '')}` };
    const body = (name: string) => ({ source: 'web', contact: { name }, company: { name: `${company} ${name}` } });
    const managers = await ok({ method: 'post', path: '/leads', body: body('Mo') }, { ...setUp, ...key });
    const reps = await ok({ method: 'post', path: '/leads', body: body('Ru') }, { ...callers.rep, ...key });
    expect(reps.leadId).not.toBe(managers.leadId);
    const again = await ok({ method: 'post', path: '/leads', body: body('Ru') }, { ...callers.rep, ...key });
    expect(again.leadId).toBe(reps.leadId);
  });

  it('answers a team lead’s retried hand-over as the first time, though the lead has left their reach', async () => {
    const { leadId } = await makeSubjects('reached');
    const handOver = { method: 'put' as const, path: `/leads/${leadId}/owner`, body: { repId: 'rep-third' } };
    const headers = { ...callers['team-lead'], 'Idempotency-Key': `hand-over-${leadId}` };
    const first = await send(handOver, headers);
    const retried = await send(handOver, headers);
    expect([first.status, retried.status]).toEqual([200, 200]);
    expect(retried.headers.etag).toBe(first.headers.etag);
    expect((await send(get(`/leads/${leadId}`)(), callers['team-lead'])).status).toBe(404);
  });

  it('gives a converted deal to the rep who worked the lead, whoever converts it', async () => {
    const { qualifiedLeadId, company } = await makeSubjects('reached');
    const converted = await ok({
      method: 'post',
      path: `/leads/${qualifiedLeadId}/conversion`,
      body: deal(`${company} Converted`, 'reached'),
    });
    const seen = await send(get(`/opportunities/${converted.opportunityId}`)(), callers.rep);
    expect({ status: seen.status, owner: seen.body.ownerRepId, team: seen.body.teamId }).toEqual({
      status: 200,
      owner: 'rep-north',
      team: 'north-team',
    });
  });

  it('lets whoever started an import follow it, and nobody else below the division-wide roles', async () => {
    const csv = 'source,company_name,contact_name\r\nweb,Rep Import Co,Ro\r\n';
    const started = await ok({ method: 'post', path: '/leads/imports', csv }, callers.rep);
    const path = `/leads/imports/${started.importId}`;
    expect((await send(get(path)(), callers.rep)).body).toMatchObject({ startedBy: 'rep-north' });
    expect((await send(get(path)(), asUser('rep-other', 'rep', 'north'))).status).toBe(404);
    expect((await send(get(path)(), callers.manager)).status).toBe(200);
  });
});
