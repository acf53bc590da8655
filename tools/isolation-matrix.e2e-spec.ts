import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import type { Role } from '@salesos/http';
import { recordPlatformDealers, servedRoutes, startTestPlatform } from './testing/test-platform';
import { testRoster } from '../services/leads/src/testing';
import { dealRequest } from './testing/deal-request';
import { scoringRulesRequest } from './testing/scoring-rules-request';

jest.setTimeout(60_000);

/** Division A's secrets: no caller of division B may read them or change what holds them. */
const secret = { company: 'Northwind Secret GmbH', segment: 'Northern secret segment' };
const deal = dealRequest({ accountName: secret.company, amount: { amount: 777_000, currency: 'EUR' } });
const lead = { source: 'web', contact: { name: 'Ada' }, company: { name: secret.company } };
/** What callers of B send: their own division's names, so anything secret in an answer came from A. */
const southDeal = { ...deal, accountName: 'Southern Co', amount: { amount: 1000, currency: 'EUR' } };

interface Ids {
  contactId: string;
  leadId: string;
  opportunityId: string;
  segmentId: string;
  importId: string;
  dealerId: string;
}

type Call = { method: 'get' | 'post' | 'put' | 'patch'; path: string; body?: object; csv?: string };

/** Every route of the platform but the health checks, as a caller of division B would aim it at A's records. */
const channel = { name: 'Dealers', kind: 'dealer', productGroups: ['presses'], territories: ['north'] };

const southDealer = {
  dealerId: 'south-dealer',
  companyName: 'Southern Dealer Co',
  contactEmail: 'sales@south.example',
  channelId: 'dealers-north',
  territories: ['south'],
  productGroups: ['presses'],
};
const onDealer =
  (method: 'post' | 'put', suffix: string, body?: object) =>
  (ids: Ids): Call => ({
    method,
    path: `/dealers/${ids.dealerId}/${suffix}`,
    ...(body === undefined ? {} : { body }),
  });
const agreementDraft = {
  dealerId: 'north-dealer',
  terms: {
    discountPercent: 10,
    territories: ['north'],
    productGroups: ['presses'],
    exclusivity: false,
    paymentTermsDays: 30,
  },
  effectiveFrom: '2026-01-01',
  expiresOn: '2026-12-31',
};
const tierCriteria = (amount: number) => ({
  minRevenueLast12Months: { amount, currency: 'EUR' },
  minCertifiedPeople: 0,
  minRegistrationWinRate: 0,
});
const tierProgramme = {
  name: 'North partner programme',
  tiers: [
    { tierId: 'silver', name: 'Silver', criteria: tierCriteria(0) },
    { tierId: 'gold', name: 'Gold', criteria: tierCriteria(500_000) },
  ],
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const contact = { kind: 'visit', happenedAt: '2026-01-05', summary: secret.company, outcome: 'Demo wanted' };
const budget = '/dealers/north-dealer/funds/2026';
const salesPlanPath = '/dealers/north-dealer/plans/2026';
const salesPlan = (amount: number) => ({
  value: eur(amount),
  units: 1,
  productMix: [{ productGroup: 'presses', value: eur(amount), units: 1 }],
  reason: secret.company,
});
const fundCommand = (step: string, body: object) => (): Call => ({
  method: 'post',
  path: `${budget}/requests/north-request/${step}`,
  body,
});

/** A's organisation: a unit and a position named after A's secret company. */
const unitCuts = { productGroups: ['presses'], segments: [], territories: ['north'] };
const northUnit = {
  unitId: 'north-unit',
  kind: 'department',
  name: secret.company,
  ...unitCuts,
  effectiveOn: '2026-01-01',
};
const positionProfile = { title: secret.company, duties: ['Sells presses'], requiredCertifications: [] };
/** A person of A, named after A's secret company, hired into A's unit and position. */
const northPerson = {
  personId: 'north-person',
  name: `${secret.company} Person`,
  email: 'person@north.example',
  unitId: 'north-unit',
  positionId: 'north-position',
  hiredOn: '2026-01-05',
  userId: 'rep-of-north',
};
const onNorthPerson = (suffix: string, body?: object) => (): Call => ({
  method: suffix === 'onboarding-plan' || suffix === 'ramp-schedule' ? 'put' : 'post',
  path: `/people/north-person/${suffix}`,
  ...(body === undefined ? {} : { body }),
});
/** A's training: a course and a programme named after A's secret company, and A's person trained in it. */
const northCourse = { courseId: 'north-course', title: secret.company, skills: ['presses'], passMark: 70 };
const northProgramme = { programmeId: 'north-programme', title: secret.company, courseIds: ['north-course'] };
const onNorthTraining = (suffix: string, body: object) => (): Call => ({
  method: 'post',
  path: `/training/people/north-person/${suffix}`,
  body,
});

const matrix: Record<string, (ids: Ids) => Call> = {
  'POST /dealers': () => ({ method: 'post', path: '/dealers', body: southDealer }),
  'GET /dealers': () => ({ method: 'get', path: '/dealers' }),
  'GET /dealers/export': () => ({ method: 'get', path: '/dealers/export' }),
  'GET /dealers/:dealerId': (ids) => ({ method: 'get', path: `/dealers/${ids.dealerId}` }),
  'POST /dealers/:dealerId/approval': onDealer('post', 'approval'),
  'POST /dealers/:dealerId/rejection': onDealer('post', 'rejection', { reason: 'Taken over' }),
  'PUT /dealers/:dealerId/requirements/:requirementId': onDealer('put', 'requirements/bank-details', {
    evidence: 'Taken over',
  }),
  'POST /dealers/:dealerId/activation': onDealer('post', 'activation'),
  'POST /dealers/:dealerId/suspension': onDealer('post', 'suspension', { reason: 'Taken over' }),
  'POST /dealers/:dealerId/reinstatement': onDealer('post', 'reinstatement'),
  'POST /dealers/:dealerId/termination': onDealer('post', 'termination', {
    reason: 'Taken over',
    effectiveDay: '2099-12-31',
  }),
  'PUT /dealers/:dealerId/users/:userId': onDealer('put', 'users/intruder'),
  'POST /dealers/:dealerId/users/:userId/removal': onDealer('post', 'users/north-dealer-user/removal'),
  'POST /dealers/:dealerId/contacts': () => ({ method: 'post', path: '/dealers/north-dealer/contacts', body: contact }),
  'GET /dealers/:dealerId/contacts': () => ({ method: 'get', path: '/dealers/north-dealer/contacts' }),
  'GET /contacts/silent-dealers': () => ({ method: 'get', path: '/contacts/silent-dealers' }),
  'GET /contacts/follow-ups/overdue': () => ({ method: 'get', path: '/contacts/follow-ups/overdue' }),
  'POST /contacts/:contactId/follow-up': (ids) => ({
    method: 'post',
    path: `/contacts/${ids.contactId}/follow-up`,
    body: { completedAt: '2026-01-06T10:00:00Z', note: 'Taken over' },
  }),
  'GET /dealers/:dealerId/funds/:period': () => ({ method: 'get', path: budget }),
  'PUT /dealers/:dealerId/funds/:period': () => ({
    method: 'put',
    path: budget,
    body: { amount: eur(1), reason: 'Taken over' },
  }),
  'POST /dealers/:dealerId/funds/:period/requests': () => ({
    method: 'post',
    path: `${budget}/requests`,
    body: { amount: eur(1), purpose: 'Taken over' },
  }),
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/approval': fundCommand('approval', {
    approvedAmount: eur(1_000),
  }),
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/rejection': fundCommand('rejection', {
    reason: 'Taken over',
  }),
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/claim': fundCommand('claim', {
    claimedAmount: eur(1_000),
    proof: ['invoice-1'],
  }),
  'POST /dealers/:dealerId/funds/:period/requests/:requestId/payment': fundCommand('payment', {
    paidAt: '2026-01-06T10:00:00Z',
    reference: 'SEPA-1',
  }),
  'POST /registrations': () => ({
    method: 'post',
    path: '/registrations',
    body: { registrationId: 'north-registration', dealerId: 'north-dealer', companyName: 'Southern Co' },
  }),
  'GET /registrations': () => ({ method: 'get', path: '/registrations' }),
  'GET /registrations/:registrationId': () => ({ method: 'get', path: '/registrations/north-registration' }),
  'GET /plans': () => ({ method: 'get', path: '/plans' }),
  'GET /plans/export': () => ({ method: 'get', path: '/plans/export' }),
  'GET /dealers/:dealerId/plans/:period': () => ({ method: 'get', path: salesPlanPath }),
  'PUT /dealers/:dealerId/plans/:period': () => ({ method: 'put', path: salesPlanPath, body: salesPlan(1) }),
  'GET /channels': () => ({ method: 'get', path: '/channels' }),
  'GET /channels/:channelId': () => ({ method: 'get', path: '/channels/dealers-north' }),
  'PUT /channels/:channelId': () => ({ method: 'put', path: '/channels/dealers-north', body: channel }),
  'POST /channels/:channelId/retirement': () => ({
    method: 'post',
    path: '/channels/dealers-north/retirement',
    body: { reason: 'Taken over' },
  }),
  'GET /units': () => ({ method: 'get', path: '/units?asOf=2026-03-01' }),
  'GET /units/:unitId': () => ({ method: 'get', path: '/units/north-unit' }),
  'POST /units': () => ({
    method: 'post',
    path: '/units',
    body: { ...northUnit, unitId: 'south-unit', kind: 'team', name: 'Southern team', parentUnitId: 'north-unit' },
  }),
  'PUT /units/:unitId': () => ({
    method: 'put',
    path: '/units/north-unit',
    body: { ...unitCuts, name: 'Taken over' },
  }),
  'POST /units/:unitId/managers': () => ({
    method: 'post',
    path: '/units/north-unit/managers',
    body: { personId: 'intruder', effectiveOn: '2026-02-01' },
  }),
  'POST /units/:unitId/closure': () => ({
    method: 'post',
    path: '/units/north-unit/closure',
    body: { reason: 'Taken over', effectiveOn: '2026-10-01' },
  }),
  'GET /positions': () => ({ method: 'get', path: '/positions' }),
  'GET /positions/:positionId': () => ({ method: 'get', path: '/positions/north-position' }),
  'POST /positions': () => ({
    method: 'post',
    path: '/positions',
    body: { ...positionProfile, positionId: 'south-position', title: 'Southern position' },
  }),
  'PUT /positions/:positionId': () => ({
    method: 'put',
    path: '/positions/north-position',
    body: { ...positionProfile, title: 'Taken over' },
  }),
  'POST /positions/:positionId/retirement': () => ({
    method: 'post',
    path: '/positions/north-position/retirement',
    body: { reason: 'Taken over' },
  }),
  'POST /people': () => ({ method: 'post', path: '/people', body: { ...northPerson, personId: 'south-person' } }),
  'POST /people/imports': () => ({
    method: 'post',
    path: '/people/imports',
    csv: 'name,email,unit_id,position_id,hired_on\r\nIntruder,intruder@south.example,north-unit,north-position,2026-02-01\r\n',
  }),
  'GET /people': () => ({ method: 'get', path: '/people' }),
  'GET /people/:personId': () => ({ method: 'get', path: '/people/north-person' }),
  'PUT /people/:personId/onboarding-plan': onNorthPerson('onboarding-plan', {
    tasks: [{ taskId: 'taken-over', title: 'Taken over', dueDay: 0 }],
  }),
  'POST /people/:personId/onboarding-plan/tasks/:taskId/completion': onNorthPerson(
    'onboarding-plan/tasks/accounts/completion',
  ),
  'PUT /people/:personId/ramp-schedule': onNorthPerson('ramp-schedule', { monthlyShares: [1] }),
  'POST /people/:personId/transfers': onNorthPerson('transfers', {
    toUnitId: 'north-unit',
    toPositionId: 'south-position',
    effectiveOn: '2027-01-01',
    reason: 'Taken over',
  }),
  'POST /people/:personId/leave': onNorthPerson('leave', { startsOn: '2026-03-02', reason: 'Taken over' }),
  'POST /people/:personId/return': onNorthPerson('return', { returnsOn: '2026-04-01' }),
  'POST /people/:personId/departure': onNorthPerson('departure', { departedOn: '2026-06-01', reason: 'Taken over' }),
  'GET /training/courses': () => ({ method: 'get', path: '/training/courses' }),
  'GET /training/courses/:courseId': () => ({ method: 'get', path: '/training/courses/north-course' }),
  'POST /training/courses': () => ({
    method: 'post',
    path: '/training/courses',
    body: { ...northCourse, courseId: 'south-course', title: 'Southern course' },
  }),
  'PUT /training/courses/:courseId': () => ({
    method: 'put',
    path: '/training/courses/north-course',
    body: { title: 'Taken over', skills: ['presses'], passMark: 0 },
  }),
  'POST /training/courses/:courseId/retirement': () => ({
    method: 'post',
    path: '/training/courses/north-course/retirement',
    body: { reason: 'Taken over' },
  }),
  'GET /training/programmes': () => ({ method: 'get', path: '/training/programmes' }),
  'GET /training/programmes/:programmeId': () => ({ method: 'get', path: '/training/programmes/north-programme' }),
  'POST /training/programmes': () => ({
    method: 'post',
    path: '/training/programmes',
    body: { programmeId: 'south-programme', title: 'Southern path', courseIds: ['north-course'] },
  }),
  'PUT /training/programmes/:programmeId': () => ({
    method: 'put',
    path: '/training/programmes/north-programme',
    body: { title: 'Taken over', courseIds: ['north-course'] },
  }),
  'POST /training/programmes/:programmeId/retirement': () => ({
    method: 'post',
    path: '/training/programmes/north-programme/retirement',
    body: { reason: 'Taken over' },
  }),
  'GET /training/people/:personId': () => ({ method: 'get', path: '/training/people/north-person' }),
  'GET /training/people/:personId/readiness': () => ({
    method: 'get',
    path: '/training/people/north-person/readiness',
  }),
  'POST /training/people/:personId/enrolments': onNorthTraining('enrolments', {
    programmeId: 'north-programme',
    enrolledOn: '2026-02-02',
  }),
  'POST /training/people/:personId/assessments': onNorthTraining('assessments', {
    courseId: 'north-course',
    score: 100,
    assessedOn: '2026-02-10',
  }),
  'POST /training/people/:personId/withdrawals': onNorthTraining('withdrawals', {
    programmeId: 'north-programme',
    reason: 'Taken over',
    withdrawnOn: '2026-02-03',
  }),
  'GET /training/units/:unitId/readiness': () => ({ method: 'get', path: '/training/units/north-unit/readiness' }),
  'GET /training/certifications/expiring': () => ({
    method: 'get',
    path: '/training/certifications/expiring?withinDays=3650&unitId=north-unit',
  }),
  'GET /agreements': () => ({ method: 'get', path: '/agreements' }),
  'GET /agreements/:agreementId': () => ({ method: 'get', path: '/agreements/agr-north' }),
  'GET /agreements/:agreementId/terms': () => ({ method: 'get', path: '/agreements/agr-north/terms?on=2026-03-01' }),
  'PUT /agreements/:agreementId/versions': () => ({
    method: 'put',
    path: '/agreements/agr-north/versions',
    body: { ...agreementDraft, effectiveFrom: '2027-01-01', expiresOn: '2027-12-31' },
  }),
  'POST /agreements/:agreementId/versions/:version/signature': () => ({
    method: 'post',
    path: '/agreements/agr-north/versions/2/signature',
    body: { signedBy: 'Taken over', signedOn: '2026-01-01' },
  }),
  'POST /agreements/:agreementId/versions/:version/withdrawal': () => ({
    method: 'post',
    path: '/agreements/agr-north/versions/2/withdrawal',
    body: { reason: 'Taken over' },
  }),
  'POST /agreements/:agreementId/renewal': () => ({
    method: 'post',
    path: '/agreements/agr-north/renewal',
    body: { expiresOn: '2028-12-31' },
  }),
  'POST /agreements/:agreementId/termination': () => ({
    method: 'post',
    path: '/agreements/agr-north/termination',
    body: { effectiveOn: '2026-09-01', reason: 'Taken over' },
  }),
  'GET /tier-programmes': () => ({ method: 'get', path: '/tier-programmes' }),
  'GET /tier-programmes/:programmeId': () => ({ method: 'get', path: '/tier-programmes/prog-north' }),
  'PUT /tier-programmes/:programmeId': () => ({
    method: 'put',
    path: '/tier-programmes/prog-north',
    body: { ...tierProgramme, name: 'Taken over' },
  }),
  'GET /dealers/:dealerId/tier': () => ({ method: 'get', path: '/dealers/north-dealer/tier' }),
  'POST /dealers/:dealerId/tier/assignment': () => ({
    method: 'post',
    path: '/dealers/north-dealer/tier/assignment',
    body: { programmeId: 'prog-north', changeId: 'taken', tierId: 'gold', effectiveFrom: '2026-08-01' },
  }),
  'POST /dealers/:dealerId/tier/reviews': () => ({
    method: 'post',
    path: '/dealers/north-dealer/tier/reviews',
    body: {
      reviewId: 'review-taken',
      programmeId: 'prog-north',
      figures: { revenue12m: { amount: 800_000, currency: 'EUR' }, certifiedPeople: 4, registrationWinRate: 0.4 },
    },
  }),
  'POST /dealers/:dealerId/tier/reviews/:reviewId/confirmation': () => ({
    method: 'post',
    path: '/dealers/north-dealer/tier/reviews/review-1/confirmation',
    body: { effectiveFrom: '2026-08-01' },
  }),
  'POST /dealers/:dealerId/tier/reviews/:reviewId/rejection': () => ({
    method: 'post',
    path: '/dealers/north-dealer/tier/reviews/review-1/rejection',
    body: { reason: 'Taken over' },
  }),
  'POST /dealers/:dealerId/tier/corrections': () => ({
    method: 'post',
    path: '/dealers/north-dealer/tier/corrections',
    body: { correctionId: 'fix-taken', corrects: 'initial', tierId: 'gold', reason: 'Taken over' },
  }),
  'GET /pipelines': () => ({ method: 'get', path: '/pipelines' }),
  'PUT /pipelines/:pipelineId': () => ({
    method: 'put',
    path: '/pipelines/new-business',
    body: { name: 'Taken over', stages: [{ stageId: 'only', name: 'Only', probability: 0.5 }] },
  }),
  'PUT /opportunity-reasons': () => ({
    method: 'put',
    path: '/opportunity-reasons',
    body: { wonReasons: [], lossReasons: ['taken-over'] },
  }),
  'POST /opportunities': () => ({ method: 'post', path: '/opportunities', body: southDeal }),
  'POST /leads/:leadId/conversion': (ids) => ({
    method: 'post',
    path: `/leads/${ids.leadId}/conversion`,
    body: southDeal,
  }),
  'GET /opportunities': () => ({ method: 'get', path: '/opportunities' }),
  'GET /opportunities/export': () => ({ method: 'get', path: '/opportunities/export' }),
  'GET /opportunities/:opportunityId': (ids) => ({ method: 'get', path: `/opportunities/${ids.opportunityId}` }),
  'PUT /opportunities/:opportunityId/stage': (ids) => ({
    method: 'put',
    path: `/opportunities/${ids.opportunityId}/stage`,
    body: { stageId: 'qualification' },
  }),
  'POST /opportunities/:opportunityId/forecast': (ids) => ({
    method: 'post',
    path: `/opportunities/${ids.opportunityId}/forecast`,
    body: { amount: { amount: 1, currency: 'EUR' }, expectedCloseDate: '2026-12-31' },
  }),
  'PUT /opportunities/:opportunityId/products': (ids) => ({
    method: 'put',
    path: `/opportunities/${ids.opportunityId}/products`,
    body: { products: [{ productId: 'lathe-7', quantity: 1 }] },
  }),
  'PUT /opportunities/:opportunityId/channel': (ids) => ({
    method: 'put',
    path: `/opportunities/${ids.opportunityId}/channel`,
    body: { kind: 'direct' },
  }),
  'POST /opportunities/:opportunityId/win': (ids) => ({
    method: 'post',
    path: `/opportunities/${ids.opportunityId}/win`,
    body: {},
  }),
  'POST /opportunities/:opportunityId/loss': (ids) => ({
    method: 'post',
    path: `/opportunities/${ids.opportunityId}/loss`,
    body: { reason: 'price' },
  }),
  'POST /opportunities/:opportunityId/reopen': (ids) => ({
    method: 'post',
    path: `/opportunities/${ids.opportunityId}/reopen`,
    body: { stageId: 'prospecting' },
  }),
  'GET /segments': () => ({ method: 'get', path: '/segments' }),
  'GET /segments/:segmentId': (ids) => ({ method: 'get', path: `/segments/${ids.segmentId}` }),
  'POST /segments': () => ({
    method: 'post',
    path: '/segments',
    body: { name: 'Southern segment', criteria: { industries: ['manufacturing'] } },
  }),
  'PUT /segments/:segmentId': (ids) => ({
    method: 'put',
    path: `/segments/${ids.segmentId}`,
    body: { name: 'Taken over', criteria: { industries: ['retail'] } },
  }),
  'POST /segments/:segmentId/retirement': (ids) => ({
    method: 'post',
    path: `/segments/${ids.segmentId}/retirement`,
    body: { reason: 'taken over' },
  }),
  'GET /assignment-rules': () => ({ method: 'get', path: '/assignment-rules' }),
  'GET /scoring-rules': () => ({ method: 'get', path: '/scoring-rules' }),
  'PUT /scoring-rules': () => ({
    method: 'put',
    path: '/scoring-rules',
    body: scoringRulesRequest(),
  }),
  'PUT /assignment-rules': () => ({
    method: 'put',
    path: '/assignment-rules',
    body: { rules: [{ kind: 'round-robin', ruleId: 'south-rr', teamId: 'south-team', repIds: ['rep-s'] }] },
  }),
  'POST /leads': () => ({ method: 'post', path: '/leads', body: { ...lead, company: { name: 'Southern Co' } } }),
  'GET /leads': () => ({ method: 'get', path: '/leads' }),
  'GET /leads/export': () => ({ method: 'get', path: '/leads/export' }),
  'POST /leads/imports': (ids) => ({
    method: 'post',
    path: `/leads/imports?resumes=${ids.importId}`,
    csv: 'source,company_name,contact_name\r\nweb,Southern Co,Bo\r\n',
  }),
  'GET /leads/imports/:importId': (ids) => ({ method: 'get', path: `/leads/imports/${ids.importId}` }),
  'GET /leads/:leadId': (ids) => ({ method: 'get', path: `/leads/${ids.leadId}` }),
  'PATCH /leads/:leadId': (ids) => ({ method: 'patch', path: `/leads/${ids.leadId}`, body: { territory: 'south' } }),
  'POST /leads/:leadId/qualification': (ids) => ({
    method: 'post',
    path: `/leads/${ids.leadId}/qualification`,
    body: {},
  }),
  'POST /leads/:leadId/disqualification': (ids) => ({
    method: 'post',
    path: `/leads/${ids.leadId}/disqualification`,
    body: { reason: 'taken over' },
  }),
  'POST /leads/:leadId/nurturing': (ids) => ({
    method: 'post',
    path: `/leads/${ids.leadId}/nurturing`,
    body: { until: '2027-01-01' },
  }),
  'PUT /leads/:leadId/owner': (ids) => ({
    method: 'put',
    path: `/leads/${ids.leadId}/owner`,
    body: { repId: 'rep-s' },
  }),
  'POST /leads/:leadId/merge': (ids) => ({
    method: 'post',
    path: `/leads/${ids.leadId}/merge`,
    body: { intoLeadId: ids.leadId },
  }),
  'POST /admin/projections/:name/rebuild': () => ({ method: 'post', path: '/admin/projections/all/rebuild' }),
  'GET /admin/projections/rebuilds/:rebuildId': (ids) => ({
    method: 'get',
    path: `/admin/projections/rebuilds/${ids.importId}`,
  }),
  'GET /metrics': () => ({ method: 'get', path: '/metrics' }),
  'GET /divisions': () => ({ method: 'get', path: '/divisions' }),
  'GET /divisions/:divisionId': () => ({ method: 'get', path: '/divisions/north' }),
  'PUT /divisions/:divisionId': () => ({ method: 'put', path: '/divisions/north', body: testRoster }),
  'GET /reports/funnel': () => ({ method: 'get', path: '/reports/funnel?groupBy=segment' }),
  'GET /reports/lead-sources': () => ({ method: 'get', path: '/reports/lead-sources' }),
  'GET /reports/pipeline': () => ({ method: 'get', path: '/reports/pipeline' }),
  'GET /reports/outcomes': () => ({ method: 'get', path: '/reports/outcomes' }),
  'GET /reports/stages': () => ({ method: 'get', path: '/reports/stages' }),
  'GET /reports/key-customers': () => ({ method: 'get', path: '/reports/key-customers' }),
  'GET /reports/deals': () => ({ method: 'get', path: '/reports/deals' }),
  'GET /reports/channels': () => ({ method: 'get', path: '/reports/channels' }),
  'GET /reports/dealers': () => ({ method: 'get', path: '/reports/dealers' }),
  'GET /reports/dealers/:dealerId/deals': () => ({ method: 'get', path: '/reports/dealers/north-dealer/deals' }),
};

/**
 * Routes that take no division from the header (about no division's data, or naming theirs in the path): naming a
 * division there changes nothing, and one not granted reads as not found.
 */
const divisionless = ['GET /metrics', 'GET /divisions', 'GET /divisions/:divisionId'];

const divisionBound: Role[] = ['division-manager', 'team-lead', 'rep', 'dealer', 'analyst'];

function callerOf(role: Role, divisionId: string): Record<string, string> {
  return bearer({
    userId: `${role}-of-${divisionId}`,
    roles: [role],
    divisions: [divisionId],
    ...(role === 'team-lead' ? { teams: [`${divisionId}-team`] } : {}),
    ...(role === 'dealer' ? { dealerId: `${divisionId}-dealer` } : {}),
  });
}

describe('division isolation: every role, every route', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let ids: Ids;
  const manager = asUser('manager-north', 'division-manager', 'north');

  const send = (call: Call, headers: Record<string, string>) => {
    const pending = request(app.getHttpServer())[call.method](call.path).set(headers);
    if (call.csv !== undefined) return pending.set('Content-Type', 'text/csv').send(call.csv);
    return call.body === undefined ? pending : pending.send(call.body);
  };
  const northEvents = async () =>
    (await store.readAll({ maxCount: 100_000 })).events.filter((event) => event.metadata.divisionId === 'north').length;

  const onNorthTrainingAsA = async (suffix: string, body: object) => {
    const response = await request(app.getHttpServer())
      .post(`/training/people/north-person/${suffix}`)
      .set(manager)
      .send(body);
    expect(response.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    ({ app, store } = await startTestPlatform());
    const http = () => request(app.getHttpServer());
    await http().put('/channels/dealers-north').set(manager).send(channel).expect(200);
    await http()
      .post('/dealers')
      .set(manager)
      .send({ ...southDealer, dealerId: 'north-secret-dealer', companyName: secret.company, territories: ['north'] })
      .expect(201);
    await http().post('/dealers/north-secret-dealer/approval').set(manager).expect(200);
    await http().put('/dealers/north-secret-dealer/users/north-dealer-user').set(manager).expect(200);
    // Published, and recorded by the leads service before B's calls are counted.
    await recordPlatformDealers(app, store, [{ dealerId: 'north-dealer', userIds: ['dealer-of-north'] }]);
    await http().put('/agreements/agr-north/versions').set(manager).send(agreementDraft).expect(200);
    await http()
      .post('/agreements/agr-north/versions/1/signature')
      .set(manager)
      .send({ signedBy: 'Anna Weber', signedOn: '2025-12-15' })
      .expect(201);
    await http()
      .put('/agreements/agr-north/versions')
      .set(manager)
      .send({ ...agreementDraft, effectiveFrom: '2027-01-01', expiresOn: '2027-12-31' })
      .expect(200);
    await http().put('/tier-programmes/prog-north').set(manager).send(tierProgramme).expect(200);
    await http().post('/units').set(manager).send(northUnit).expect(201);
    await http()
      .post('/positions')
      .set(manager)
      .send({ positionId: 'north-position', ...positionProfile })
      .expect(201);
    await http().post('/people').set(manager).send(northPerson).expect(201);
    await http()
      .put('/people/north-person/onboarding-plan')
      .set(manager)
      .send({ tasks: [{ taskId: 'accounts', title: 'Accounts', dueDay: 0 }] })
      .expect(200);
    await http()
      .post('/people/north-person/leave')
      .set(manager)
      .send({ startsOn: '2026-02-02', reason: 'Leave' })
      .expect(200);
    await http().post('/training/courses').set(manager).send(northCourse).expect(201);
    await http().post('/training/programmes').set(manager).send(northProgramme).expect(201);
    await onNorthTrainingAsA('enrolments', { programmeId: 'north-programme', enrolledOn: '2026-01-20' });
    await onNorthTrainingAsA('assessments', { courseId: 'north-course', score: 40, assessedOn: '2026-01-25' });
    await http()
      .post('/dealers/north-dealer/tier/assignment')
      .set(manager)
      .send({ programmeId: 'prog-north', changeId: 'initial', tierId: 'silver', effectiveFrom: '2026-01-01' })
      .expect(201);
    await http()
      .post('/dealers/north-dealer/tier/reviews')
      .set(manager)
      .send({
        reviewId: 'review-1',
        programmeId: 'prog-north',
        figures: { revenue12m: { amount: 800_000, currency: 'EUR' }, certifiedPeople: 4, registrationWinRate: 0.4 },
      })
      .expect(201);
    const logged = await http()
      .post('/dealers/north-dealer/contacts')
      .set(manager)
      .send({ ...contact, followUpDue: '2026-01-10' })
      .expect(201);
    await http()
      .put(budget)
      .set(manager)
      .send({ amount: eur(10_000) })
      .expect(200);
    await http()
      .post(`${budget}/requests`)
      .set(manager)
      .send({ requestId: 'north-request', amount: eur(1_000), purpose: secret.company })
      .expect(201);
    await http()
      .post('/registrations')
      .set(manager)
      .send({ registrationId: 'north-registration', dealerId: 'north-dealer', companyName: secret.company })
      .expect(201);
    await http().put(salesPlanPath).set(manager).send(salesPlan(777_000)).expect(200);
    const segment = await http()
      .post('/segments')
      .set(manager)
      .send({ name: secret.segment, criteria: { industries: ['manufacturing'] } });
    const captured = await http().post('/leads').set(manager).send(lead);
    await http()
      .post(`/leads/${captured.body.leadId as string}/qualification`)
      .set(manager)
      .send({});
    const second = await http()
      .post('/leads')
      .set(manager)
      .send({ ...lead, contact: { name: 'Bo' }, company: { name: `${secret.company} Two` } });
    const converted = await http()
      .post(`/leads/${captured.body.leadId as string}/conversion`)
      .set(manager)
      .send(deal);
    const imported = await http()
      .post('/leads/imports')
      .set(manager)
      .set('Content-Type', 'text/csv')
      .send(`source,company_name,contact_name\r\nweb,${secret.company} Three,Cy\r\n`);
    ids = {
      contactId: logged.body.contactId as string,
      leadId: second.body.leadId as string,
      opportunityId: converted.body.opportunityId as string,
      segmentId: segment.body.segmentId as string,
      importId: imported.body.importId as string,
      dealerId: 'north-secret-dealer',
    };
    expect(Object.values(ids).every((id) => typeof id === 'string')).toBe(true);
    // The reports have A's figures, and the leads service has answered A's registration, before B starts asking:
    // an answer landing later would count as an event of A's that B's calls appended.
    const registrationStatus = async () =>
      (await http().get('/registrations/north-registration').set(manager)).body.status as string;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const pipeline = await http().get('/reports/pipeline').set(manager);
      if (pipeline.body.deals === 1 && (await registrationStatus()) !== 'submitted') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await http().get('/reports/pipeline').set(manager)).body.deals).toBe(1);
    expect(await registrationStatus()).not.toBe('submitted');
  });

  afterAll(async () => {
    await app.close();
  });

  it('covers every route the platform serves', () => {
    const served = servedRoutes(app).filter((route) => !route.startsWith('GET /health/'));
    expect(served.sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(divisionBound)(
    'gives a %s of division B none of A’s data and changes nothing of A, whether it names A or not',
    async (role) => {
      const before = await northEvents();
      for (const [route, aim] of Object.entries(matrix)) {
        const call = aim(ids);
        for (const headers of [callerOf(role, 'south'), { ...callerOf(role, 'south'), 'X-Division-Id': 'north' }]) {
          const response = await send(call, headers);
          // An id the caller sent may come back (in `instance`, say); anything else of A's may not.
          const sent = `${call.path} ${JSON.stringify(call.body ?? {})}`;
          const secrets = [secret.company, secret.segment, ids.leadId, ids.opportunityId, ids.segmentId];
          for (const leaked of secrets.filter((value) => !sent.includes(value))) {
            if (response.text.includes(leaked)) {
              throw new Error(`${route} answered ${response.status} with A's ${leaked}`);
            }
          }
          expect([200, 201, 202, 400, 403, 404, 409]).toContain(response.status);
          if (headers['X-Division-Id'] === 'north' && !divisionless.includes(route)) {
            expect({ route, status: response.status }).toEqual({ route, status: 403 });
          }
        }
      }
      expect(await northEvents()).toBe(before);
    },
  );

  it('lets an analyst of A read A but change nothing', async () => {
    const analyst = asUser('analyst-north', 'analyst', 'north');
    const before = await northEvents();
    for (const [route, aim] of Object.entries(matrix)) {
      const call = aim(ids);
      const response = await send(call, analyst);
      if (call.method === 'get') {
        if (!route.includes('rebuilds')) expect({ route, status: response.status }).toEqual({ route, status: 200 });
      } else {
        expect({ route, status: response.status }).toEqual({ route, status: 403 });
      }
    }
    expect(await northEvents()).toBe(before);
    expect((await send(matrix['GET /leads/:leadId']!(ids), analyst)).body).toMatchObject({
      leadId: ids.leadId,
      divisionId: 'north',
    });
  });

  it('lets a sales director see every division, each one named', async () => {
    const director = bearer({ userId: 'director-1', roles: ['sales-director'] });
    const north = await send(matrix['GET /reports/pipeline']!(ids), { ...director, 'X-Division-Id': 'north' });
    expect(north.body.deals).toBe(1);
    const lead = await send(matrix['GET /leads/:leadId']!(ids), { ...director, 'X-Division-Id': 'north' });
    expect(lead.status).toBe(200);
    const south = await send(matrix['GET /reports/deals']!(ids), { ...director, 'X-Division-Id': 'south' });
    expect(south.status).toBe(200);
    expect(south.text).not.toContain(secret.company);
  });

  it('keeps division setup to managers, directors and admins', async () => {
    const rep = asUser('rep-north', 'rep', 'north');
    for (const route of [
      'POST /segments',
      'PUT /segments/:segmentId',
      'POST /segments/:segmentId/retirement',
      'PUT /assignment-rules',
      'PUT /pipelines/:pipelineId',
      'PUT /opportunity-reasons',
      'PUT /scoring-rules',
    ]) {
      expect({ route, status: (await send(matrix[route]!(ids), rep)).status }).toEqual({ route, status: 403 });
    }
  });
});
