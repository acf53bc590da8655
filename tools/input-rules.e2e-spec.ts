import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { servedRoutes, startTestPlatform } from './testing/test-platform';
import { dealRequest } from './testing/deal-request';
import { scoringRulesRequest } from './testing/scoring-rules-request';

jest.setTimeout(60_000);

/**
 * The API's input rules on every operation that takes input: a field that may be left out is never null, days and
 * instants have one form each, money amounts and query integers are bounded and exact. Each refusal is a 400 naming
 * the field, and changes nothing.
 */
interface Ids {
  leadId: string;
  qualifiedLeadId: string;
  opportunityId: string;
  segmentId: string;
}

interface Call {
  method: 'get' | 'post' | 'put' | 'patch';
  path: string;
  /** A body as an object, or as JSON text for what JSON.stringify cannot write (-0, 5e-324 as typed). */
  body?: object | string;
  /** Headers besides the caller's token; with a Content-Type, the body is sent as the text it is. */
  headers?: Record<string, string>;
}

/** What is sent, and the field the refusal names; 400 unless another status is given. */
type Case = [label: string, call: (ids: Ids) => Call, field: string, status?: number];

const lead = { source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } };
const post = (path: string, body: object | string) => (): Call => ({ method: 'post', path, body });
const admin = bearer({ userId: 'admin-1', roles: ['admin'] });
const division = { name: 'West', repIds: ['rep-1'], teams: [] };
const putDivision =
  (body: object, path = '/divisions/west') =>
  (): Call => ({ method: 'put', path, body, headers: admin });
const get = (path: string) => (): Call => ({ method: 'get', path });
const onLead =
  (method: Call['method'], suffix: string, body: object | string) =>
  (ids: Ids): Call => ({ method, path: `/leads/${ids.leadId}${suffix}`, body });
const onDeal =
  (method: Call['method'], suffix: string, body: object | string) =>
  (ids: Ids): Call => ({ method, path: `/opportunities/${ids.opportunityId}${suffix}`, body });
const withHeaders =
  (make: (ids: Ids) => Call, headers: Record<string, string>) =>
  (ids: Ids): Call => ({ ...make(ids), headers: { ...make(ids).headers, ...headers } });
const onSegment =
  (method: Call['method'], suffix: string, body: object | string) =>
  (ids: Ids): Call => ({ method, path: `/segments/${ids.segmentId}${suffix}`, body });
const segment = { name: 'Big', criteria: { industries: ['machinery'] } };
const unitOpening = {
  unitId: 'unit-2',
  kind: 'department',
  name: 'Sales',
  productGroups: [],
  segments: [],
  territories: [],
  effectiveOn: '2026-01-01',
};
const unitProfile = { name: 'Sales', productGroups: [], segments: [], territories: [] };
const position = { positionId: 'position-2', title: 'Account executive', duties: [], requiredCertifications: [] };
const hire = {
  personId: 'person-2',
  name: 'Mira Jansen',
  email: 'mira@example.com',
  unitId: 'unit-1',
  positionId: 'position-1',
  hiredOn: '2026-03-02',
};
const put = (path: string, body: object | string) => (): Call => ({ method: 'put', path, body });
const course = { courseId: 'course-2', title: 'Negotiation basics', skills: ['closing'], passMark: 70 };
const programme = { programmeId: 'programme-2', title: 'New rep path', courseIds: ['course-1'] };
const assessment = { courseId: 'course-1', score: 80, assessedOn: '2026-03-09' };
const dealerApplication = {
  dealerId: 'dealer-1',
  companyName: 'Dealer Co',
  contactEmail: 'sales@dealer.example',
  channelId: 'dealers-1',
  territories: ['north'],
  productGroups: ['presses'],
};
const weekDates = ['2026-W01', '2026-W01-1', '20260101', '2026', '2026-001', '2026-02-30'];
const loneTimes = ['2026-W01', '2026-03-01', '2026-03-01T00:00:00', '2026-03-01 00:00:00Z', '2026-02-30T00:00:00Z'];
const oddAmounts = ['5e-324', '-0', '1e308', '0.001', '1000000000000.01', '-1'];
const oddIntegers = ['1e308', '0x10', '1.0', '%205', '%2B5', '-1', '0', '100001', ''];

const contactEntry = { kind: 'visit', happenedAt: '2026-01-05', summary: 'Showroom', outcome: 'Demo wanted' };
const fundsBudget = '/dealers/dealer-1/funds/2026';
const salesPlanPath = '/dealers/dealer-1/plans/2026';
const salesPlan = {
  value: { amount: 10, currency: 'EUR' },
  units: 1,
  productMix: [{ productGroup: 'presses', value: { amount: 10, currency: 'EUR' }, units: 1 }],
  reason: 'Plan',
};
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const fundRequest = { amount: eur(10), purpose: 'Fair' };

const cases: Case[] = [
  // Null where a field may be left out, at every depth.
  ['a null email', post('/leads', { ...lead, contact: { name: 'Ada', email: null } }), 'contact.email'],
  ['a null estimated value', post('/leads', { ...lead, estimatedValue: null }), 'estimatedValue'],
  ['a null need tag', post('/leads', { ...lead, needTags: [null] }), 'needTags'],
  ['a null revised email', onLead('patch', '', { contact: { email: null } }), 'contact.email'],
  ['a null revised phone', onLead('patch', '', { contact: { phone: null } }), 'contact.phone'],
  ['a null revised contact', onLead('patch', '', { contact: null }), 'contact'],
  ['a null revised size band', onLead('patch', '', { company: { sizeBand: null } }), 'company.sizeBand'],
  ['a null revised territory', onLead('patch', '', { territory: null }), 'territory'],
  ['a null qualification note', onLead('post', '/qualification', { note: null }), 'note'],
  ['a null disqualification reason', onLead('post', '/disqualification', { reason: null }), 'reason'],
  ['a null nurturing note', onLead('post', '/nurturing', { note: null }), 'note'],
  ['a null owner', onLead('put', '/owner', { repId: null }), 'repId'],
  ['a null merge target', onLead('post', '/merge', { intoLeadId: null }), 'intoLeadId'],
  ['a null stage of a new deal', post('/opportunities', { ...dealRequest(), stageId: null }), 'stageId'],
  ['a null owner of a new deal', post('/opportunities', { ...dealRequest(), ownerRepId: null }), 'ownerRepId'],
  [
    'a null dealer of a direct deal',
    post('/opportunities', { ...dealRequest(), channel: { kind: 'direct', dealerId: null } }),
    'channel.dealerId',
  ],
  [
    'a null conversion stage',
    (ids) => ({
      method: 'post',
      path: `/leads/${ids.qualifiedLeadId}/conversion`,
      body: { ...dealRequest(), stageId: null },
    }),
    'stageId',
  ],
  ['a null stage', onDeal('put', '/stage', { stageId: null }), 'stageId'],
  ['a null forecast amount', onDeal('post', '/forecast', { amount: null }), 'amount'],
  ['a null forecast instant', onDeal('post', '/forecast', { effectiveAt: null }), 'effectiveAt'],
  ['null products', onDeal('put', '/products', { products: null }), 'products'],
  [
    'a null quantity',
    onDeal('put', '/products', { products: [{ productId: 'p-1', quantity: null }] }),
    'products[0].quantity',
  ],
  ['a null dealer', onDeal('put', '/channel', { kind: 'dealer', dealerId: null }), 'dealerId'],
  ['a null winning amount', onDeal('post', '/win', { amount: null }), 'amount'],
  ['a null won reason', onDeal('post', '/win', { reason: null }), 'reason'],
  ['a null loss reason', onDeal('post', '/loss', { reason: null }), 'reason'],
  ['null stages', () => ({ method: 'put', path: '/pipelines/p-1', body: { name: 'P', stages: null } }), 'stages'],
  [
    'a null probability',
    () => ({
      method: 'put',
      path: '/pipelines/p-1',
      body: { name: 'P', stages: [{ stageId: 's', name: 'S', probability: null }] },
    }),
    'stages[0].probability',
  ],
  [
    'null points for a source',
    () => ({ method: 'put', path: '/scoring-rules', body: { sources: [{ source: 'web', points: null }] } }),
    'sources[0].points',
  ],
  [
    'null won reasons',
    () => ({ method: 'put', path: '/opportunity-reasons', body: { wonReasons: null, lossReasons: ['price'] } }),
    'wonReasons',
  ],
  ['a null reopening stage', onDeal('post', '/reopen', { stageId: null }), 'stageId'],
  [
    'null industries',
    post('/segments', { ...segment, criteria: { industries: null, territories: ['x'] } }),
    'criteria.industries',
  ],
  [
    'a null price band',
    onSegment('put', '', { ...segment, criteria: { ...segment.criteria, priceBand: null } }),
    'criteria.priceBand',
  ],
  ['a null retirement reason', onSegment('post', '/retirement', { reason: null }), 'reason'],
  [
    'a null territory in a rule',
    () => ({
      method: 'put',
      path: '/assignment-rules',
      body: { rules: [{ kind: 'territory-segment', ruleId: 'r', repId: 'rep-1', territory: null }] },
    }),
    'rules[0].territory',
  ],
  [
    'a null rep list in a round robin',
    () => ({
      method: 'put',
      path: '/assignment-rules',
      body: { rules: [{ kind: 'round-robin', ruleId: 'r', teamId: 't', repIds: null }] },
    }),
    'rules[0].repIds',
  ],
  [
    'a null team in a territory rule',
    () => ({
      method: 'put',
      path: '/assignment-rules',
      body: { rules: [{ kind: 'territory-segment', ruleId: 'r', repId: 'rep-1', teamId: null }] },
    }),
    'rules[0].teamId',
  ],
  // Calendar days: YYYY-MM-DD and a day that exists.
  ...weekDates.map((day): Case => [
    `${day} as a close date`,
    post('/opportunities', { ...dealRequest(), expectedCloseDate: day }),
    'expectedCloseDate',
  ]),
  ...weekDates.map((day): Case => [
    `${day} as a revised close date`,
    onDeal('post', '/forecast', { expectedCloseDate: day }),
    'expectedCloseDate',
  ]),
  ...weekDates.map((day): Case => [`${day} as a nurturing end`, onLead('post', '/nurturing', { until: day }), 'until']),
  ...weekDates.map((day): Case => [
    `${day} as a closing filter`,
    get(`/opportunities?closingFrom=${day}`),
    'closingFrom',
  ]),
  ...weekDates.map((day): Case => [
    `${day} as a closing export filter`,
    get(`/opportunities/export?closingTo=${day}`),
    'closingTo',
  ]),
  ...weekDates.map((day): Case => [`${day} as a report period start`, get(`/reports/outcomes?from=${day}`), 'from']),
  ...weekDates.map((day): Case => [`${day} as a report period end`, get(`/reports/stages?to=${day}`), 'to']),
  ['a period that ends before it starts', get('/reports/funnel?from=2026-03-01&to=2026-02-01'), 'to'],
  ['an instant as a day', get('/reports/lead-sources?from=2026-03-01T00:00:00Z'), 'from'],
  ['an instant as a key-customer day', get('/reports/key-customers?to=2026-03-01T00:00:00Z'), 'to'],
  ['an instant as a deal-list day', get('/reports/deals?from=2026-02-30'), 'from'],
  ['a week as a report day', get('/reports/outcomes?from=2026-W01'), 'from'],
  ['an instant as a channel report day', get('/reports/channels?from=2026-03-01T00:00:00Z'), 'from'],
  ['a dealer report period that ends before it starts', get('/reports/dealers?from=2026-03-01&to=2026-02-01'), 'to'],
  ['a channel id that is not an id', get('/reports/dealers?channelId=a%20b'), 'channelId'],
  ['a dealer id that is not an id in a drill-down', get('/reports/dealers/a%20b/deals'), 'dealerId'],
  [
    'a conversion closing on a day that does not exist',
    (ids) => ({
      method: 'post',
      path: `/leads/${ids.qualifiedLeadId}/conversion`,
      body: dealRequest({ expectedCloseDate: '2026-02-30' }),
    }),
    'expectedCloseDate',
  ],
  // Instants: RFC 3339 with a time zone.
  ...loneTimes.map((instant): Case => [
    `${instant} as a belief's instant`,
    onDeal('post', '/forecast', { effectiveAt: instant }),
    'effectiveAt',
  ]),
  ...loneTimes.map((instant): Case => [
    `${instant} as asOf`,
    get(`/reports/pipeline?asOf=${encodeURIComponent(instant)}`),
    'asOf',
  ]),
  ...loneTimes.map((instant): Case => [
    `${instant} as asKnownAt`,
    (ids) => get(`/opportunities/${ids.opportunityId}?asKnownAt=${encodeURIComponent(instant)}`)(),
    'asKnownAt',
  ]),
  // Money: 0 to a trillion, in cents, as typed.
  ...oddAmounts.map((amount): Case => [
    `${amount} as a lead's value`,
    post(
      '/leads',
      `{"source":"web","contact":{"name":"Ada"},"company":{"name":"Acme"},"estimatedValue":{"amount":${amount},"currency":"EUR"}}`,
    ),
    'estimatedValue.amount',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a revised value`,
    onLead('patch', '', `{"estimatedValue":{"amount":${amount},"currency":"EUR"}}`),
    'estimatedValue.amount',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a deal amount`,
    post('/opportunities', JSON.stringify(dealRequest()).replace('"amount":1000', `"amount":${amount}`)),
    'amount.amount',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a forecast`,
    onDeal('post', '/forecast', `{"amount":{"amount":${amount},"currency":"EUR"}}`),
    'amount.amount',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a winning amount`,
    onDeal('post', '/win', `{"amount":{"amount":${amount},"currency":"EUR"}}`),
    'amount.amount',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a price band bound`,
    post('/segments', `{"name":"Band","criteria":{"priceBand":{"currency":"EUR","min":${amount}}}}`),
    'criteria.priceBand.min',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a revised price band bound`,
    onSegment('put', '', `{"name":"Band","criteria":{"priceBand":{"currency":"EUR","max":${amount}}}}`),
    'criteria.priceBand.max',
  ]),
  // Whole numbers in queries: plain digits, bounded.
  ...oddIntegers.map((page): Case => [`page=${page} of leads`, get(`/leads?page=${page}`), 'page']),
  ...oddIntegers.map((page): Case => [`page=${page} of the lead export`, get(`/leads/export?page=${page}`), 'page']),
  ...oddIntegers.map((size): Case => [`pageSize=${size} of deals`, get(`/opportunities?pageSize=${size}`), 'pageSize']),
  ...weekDates.map((day): Case => [
    `the terms of an agreement on ${day}`,
    get(`/agreements/agr-1/terms?on=${day}`),
    'on',
  ]),
  ...weekDates.map((day): Case => [`a dealer's tier as of ${day}`, get(`/dealers/dealer-1/tier?asOf=${day}`), 'asOf']),
  ...['1e308', '0x10', '1.0', '%2B5', '-1', '3651', ''].map((days): Case => [
    `expiringWithinDays=${days} of agreements`,
    get(`/agreements?expiringWithinDays=${days}`),
    'expiringWithinDays',
  ]),
  ...weekDates.map((day): Case => [
    `an agreement version effective ${day}`,
    () => ({
      method: 'put',
      path: '/agreements/agr-1/versions',
      body: {
        dealerId: 'dealer-1',
        terms: { discountPercent: 1, territories: [], productGroups: [], exclusivity: false, paymentTermsDays: 0 },
        effectiveFrom: day,
        expiresOn: '2026-12-31',
      },
    }),
    'effectiveFrom',
  ]),
  ...weekDates.map((day): Case => [
    `a tier confirmed effective ${day}`,
    post('/dealers/dealer-1/tier/reviews/review-1/confirmation', { effectiveFrom: day }),
    'effectiveFrom',
  ]),
  ...oddIntegers.map((size): Case => [
    `pageSize=${size} of the deal export`,
    get(`/opportunities/export?pageSize=${size}`),
    'pageSize',
  ]),
  ...oddIntegers.map((page): Case => [`page=${page} of the deals report`, get(`/reports/deals?page=${page}`), 'page']),
  ...oddIntegers.map((limit): Case => [
    `limit=${limit} of key customers`,
    get(`/reports/key-customers?limit=${limit}`),
    'limit',
  ]),
  ...weekDates.map((day): Case => [
    `${day} as a contact's follow-up day`,
    post('/dealers/dealer-1/contacts', { ...contactEntry, followUpDue: day }),
    'followUpDue',
  ]),
  ...weekDates.map((day): Case => [
    `${day} as when a contact happened`,
    post('/dealers/dealer-1/contacts', { ...contactEntry, happenedAt: day }),
    'happenedAt',
  ]),
  ...weekDates.map((day): Case => [
    `${day} as the day overdue follow-ups are judged by`,
    get(`/contacts/follow-ups/overdue?today=${day}`),
    'today',
  ]),
  ...loneTimes.map((instant): Case => [
    `${instant} as a follow-up's completion`,
    post('/contacts/contact-1/follow-up', { completedAt: instant, note: 'Called back' }),
    'completedAt',
  ]),
  ...loneTimes.map((instant): Case => [
    `${instant} as a fund claim's payment`,
    post(`${fundsBudget}/requests/r-1/payment`, { paidAt: instant, reference: 'SEPA-1' }),
    'paidAt',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a fund request's amount`,
    post(`${fundsBudget}/requests`, `{"amount":{"amount":${amount},"currency":"EUR"},"purpose":"Fair"}`),
    'amount.amount',
  ]),
  ...oddAmounts.map((amount): Case => [
    `${amount} as a fund budget`,
    () => ({ method: 'put', path: fundsBudget, body: `{"amount":{"amount":${amount},"currency":"EUR"}}` }),
    'amount.amount',
  ]),
  ...oddIntegers
    .filter((days) => days !== '0')
    .map((days): Case => [`days=${days} of silent dealers`, get(`/contacts/silent-dealers?days=${days}`), 'days']),
  ['a null follow-up day', post('/dealers/dealer-1/contacts', { ...contactEntry, followUpDue: null }), 'followUpDue'],
  ...oddAmounts.map((amount): Case => [
    `${amount} as a plan's value`,
    () => ({
      method: 'put',
      path: salesPlanPath,
      body: `{"value":{"amount":${amount},"currency":"EUR"},"units":1,"productMix":[],"reason":"Plan"}`,
    }),
    'value.amount',
  ]),
  [
    'a null plan reason',
    () => ({ method: 'put', path: salesPlanPath, body: { ...salesPlan, reason: null } }),
    'reason',
  ],
  ['a null fund request id', post(`${fundsBudget}/requests`, { ...fundRequest, requestId: null }), 'requestId'],
  [
    'a null budget reason',
    () => ({ method: 'put', path: fundsBudget, body: { amount: eur(1), reason: null } }),
    'reason',
  ],
  ['a null parent of a unit', post('/units', { ...unitOpening, parentUnitId: null }), 'parentUnitId'],
  [
    'an instant as the first day of a unit',
    post('/units', { ...unitOpening, effectiveOn: '2026-01-01T00:00:00Z' }),
    'effectiveOn',
  ],
  ['a week date as the day of the unit tree', get('/units?asOf=2026-W10'), 'asOf'],
  [
    'an instant as the first day of a manager',
    post('/units/unit-1/managers', { personId: 'person-1', effectiveOn: '2026-03-01T00:00:00Z' }),
    'effectiveOn',
  ],
  ['a null closing reason', post('/units/unit-1/closure', { reason: null, effectiveOn: '2026-10-01' }), 'reason'],
  ['a null list of duties', post('/positions', { ...position, duties: null }), 'duties'],
  ['a null login of a hire', post('/people', { ...hire, userId: null }), 'userId'],
  ['an instant as the first day of a hire', post('/people', { ...hire, hiredOn: '2026-03-02T00:00:00Z' }), 'hiredOn'],
  ['a week date as the day of the people list', get('/people?asOf=2026-W10'), 'asOf'],
  ['a null list of onboarding tasks', put('/people/person-1/onboarding-plan', { tasks: null }), 'tasks'],
  ['a share of quota as text', put('/people/person-1/ramp-schedule', { monthlyShares: ['1'] }), 'monthlyShares'],
  [
    'a null reason of a transfer',
    post('/people/person-1/transfers', { toUnitId: 'unit-2', effectiveOn: '2026-06-01', reason: null }),
    'reason',
  ],
  [
    'an ordinal date as the first day of a leave',
    post('/people/person-1/leave', { startsOn: '2026-100', reason: 'x' }),
    'startsOn',
  ],
  ['a null day back from leave', post('/people/person-1/return', { returnsOn: null }), 'returnsOn'],
  [
    'an instant as the day of a departure',
    post('/people/person-1/departure', { departedOn: '2026-09-01T00:00:00Z', reason: 'x' }),
    'departedOn',
  ],
  [
    'a null validity of a course',
    post('/training/courses', { ...course, certificationValidityMonths: null }),
    'certificationValidityMonths',
  ],
  ['a pass mark as text', post('/training/courses', { ...course, passMark: '70' }), 'passMark'],
  [
    'a null list of skills',
    put('/training/courses/course-1', { ...course, courseId: undefined, skills: null }),
    'skills',
  ],
  [
    'a null list of courses in a programme',
    post('/training/programmes', { ...programme, courseIds: null }),
    'courseIds',
  ],
  [
    'an instant as the first day of an enrolment',
    post('/training/people/person-1/enrolments', { courseId: 'course-1', enrolledOn: '2026-03-02T00:00:00Z' }),
    'enrolledOn',
  ],
  [
    'a null course of an enrolment',
    post('/training/people/person-1/enrolments', { courseId: null, enrolledOn: '2026-03-02' }),
    'courseId',
  ],
  ['a score as text', post('/training/people/person-1/assessments', { ...assessment, score: '80' }), 'score'],
  ['a score over 100', post('/training/people/person-1/assessments', { ...assessment, score: 100.5 }), 'score'],
  ['a null assessor', post('/training/people/person-1/assessments', { ...assessment, assessedBy: null }), 'assessedBy'],
  [
    'a week date as the day of a withdrawal',
    post('/training/people/person-1/withdrawals', { courseId: 'course-1', reason: 'x', withdrawnOn: '2026-W10' }),
    'withdrawnOn',
  ],
  ['a week date as the day of a readiness', get('/training/people/person-1/readiness?asOf=2026-W10'), 'asOf'],
  ['an ordinal date as the day of a unit readiness', get('/training/units/unit-1/readiness?asOf=2026-100'), 'asOf'],
  ['days to an expiry in exponent form', get('/training/certifications/expiring?withinDays=1e3'), 'withinDays'],
  ['days to an expiry beyond ten years', get('/training/certifications/expiring?withinDays=3651'), 'withinDays'],
];

/** Every operation that takes a JSON body, with a body it would take. */
const jsonOperations: Array<[route: string, call: (ids: Ids) => Call]> = [
  ['POST /dealers', post('/dealers', dealerApplication)],
  ['POST /dealers/:dealerId/rejection', post('/dealers/dealer-1/rejection', { reason: 'No workshop' })],
  [
    'PUT /dealers/:dealerId/requirements/:requirementId',
    () => ({ method: 'put', path: '/dealers/dealer-1/requirements/bank-details', body: { evidence: 'Bank letter' } }),
  ],
  ['POST /dealers/:dealerId/suspension', post('/dealers/dealer-1/suspension', { reason: 'Unpaid invoices' })],
  [
    'POST /dealers/:dealerId/termination',
    post('/dealers/dealer-1/termination', { reason: 'Left', effectiveDay: '2099-12-31' }),
  ],
  [
    'PUT /channels/:channelId',
    () => ({
      method: 'put',
      path: '/channels/dealers-1',
      body: { name: 'Dealers', kind: 'dealer', productGroups: [], territories: [] },
    }),
  ],
  [
    'POST /channels/:channelId/retirement',
    () => ({ method: 'post', path: '/channels/dealers-1/retirement', body: {} }),
  ],
  ['PUT /agreements/:agreementId/versions', () => ({ method: 'put', path: '/agreements/agr-1/versions', body: {} })],
  ['POST /agreements/:agreementId/versions/:version/signature', post('/agreements/agr-1/versions/1/signature', {})],
  ['POST /agreements/:agreementId/versions/:version/withdrawal', post('/agreements/agr-1/versions/1/withdrawal', {})],
  ['POST /agreements/:agreementId/renewal', post('/agreements/agr-1/renewal', {})],
  ['POST /agreements/:agreementId/termination', post('/agreements/agr-1/termination', {})],
  ['PUT /tier-programmes/:programmeId', () => ({ method: 'put', path: '/tier-programmes/prog-1', body: {} })],
  ['POST /dealers/:dealerId/tier/assignment', post('/dealers/dealer-1/tier/assignment', {})],
  ['POST /dealers/:dealerId/tier/reviews', post('/dealers/dealer-1/tier/reviews', {})],
  [
    'POST /dealers/:dealerId/tier/reviews/:reviewId/confirmation',
    post('/dealers/dealer-1/tier/reviews/review-1/confirmation', {}),
  ],
  [
    'POST /dealers/:dealerId/tier/reviews/:reviewId/rejection',
    post('/dealers/dealer-1/tier/reviews/review-1/rejection', {}),
  ],
  ['POST /dealers/:dealerId/tier/corrections', post('/dealers/dealer-1/tier/corrections', {})],
  ['POST /dealers/:dealerId/contacts', post('/dealers/dealer-1/contacts', contactEntry)],
  [
    'POST /contacts/:contactId/follow-up',
    post('/contacts/contact-1/follow-up', { completedAt: '2026-01-06T10:00:00Z', note: 'x' }),
  ],
  ['PUT /dealers/:dealerId/funds/:period', () => ({ method: 'put', path: fundsBudget, body: { amount: eur(10) } })],
  ['POST /dealers/:dealerId/funds/:period/requests', post(`${fundsBudget}/requests`, fundRequest)],
  [
    'POST /dealers/:dealerId/funds/:period/requests/:requestId/approval',
    post(`${fundsBudget}/requests/r-1/approval`, { approvedAmount: eur(10) }),
  ],
  [
    'POST /dealers/:dealerId/funds/:period/requests/:requestId/rejection',
    post(`${fundsBudget}/requests/r-1/rejection`, { reason: 'No' }),
  ],
  [
    'POST /dealers/:dealerId/funds/:period/requests/:requestId/claim',
    post(`${fundsBudget}/requests/r-1/claim`, { claimedAmount: eur(10), proof: ['invoice-1'] }),
  ],
  [
    'POST /dealers/:dealerId/funds/:period/requests/:requestId/payment',
    post(`${fundsBudget}/requests/r-1/payment`, { paidAt: '2026-01-06T10:00:00Z', reference: 'SEPA-1' }),
  ],
  ['POST /registrations', post('/registrations', { dealerId: 'dealer-1', companyName: 'Keller GmbH' })],
  ['PUT /dealers/:dealerId/plans/:period', () => ({ method: 'put', path: salesPlanPath, body: salesPlan })],
  ['POST /leads', post('/leads', lead)],
  ['PATCH /leads/:leadId', onLead('patch', '', { territory: 'harbour' })],
  ['POST /leads/:leadId/qualification', onLead('post', '/qualification', {})],
  ['POST /leads/:leadId/disqualification', onLead('post', '/disqualification', { reason: 'no budget' })],
  ['POST /leads/:leadId/nurturing', onLead('post', '/nurturing', {})],
  ['PUT /leads/:leadId/owner', onLead('put', '/owner', { repId: 'rep-1' })],
  ['POST /leads/:leadId/merge', (ids) => onLead('post', '/merge', { intoLeadId: ids.qualifiedLeadId })(ids)],
  [
    'POST /leads/:leadId/conversion',
    (ids) => ({ method: 'post', path: `/leads/${ids.qualifiedLeadId}/conversion`, body: dealRequest() }),
  ],
  ['POST /opportunities', post('/opportunities', dealRequest())],
  ['PUT /opportunities/:opportunityId/stage', onDeal('put', '/stage', { stageId: 'qualification' })],
  ['POST /opportunities/:opportunityId/forecast', onDeal('post', '/forecast', { expectedCloseDate: '2027-01-31' })],
  ['PUT /opportunities/:opportunityId/products', onDeal('put', '/products', { products: [] })],
  ['PUT /opportunities/:opportunityId/channel', onDeal('put', '/channel', { kind: 'direct' })],
  ['POST /opportunities/:opportunityId/win', onDeal('post', '/win', {})],
  ['POST /opportunities/:opportunityId/loss', onDeal('post', '/loss', { reason: 'price' })],
  ['POST /opportunities/:opportunityId/reopen', onDeal('post', '/reopen', {})],
  ['POST /segments', post('/segments', segment)],
  ['PUT /segments/:segmentId', onSegment('put', '', segment)],
  ['POST /segments/:segmentId/retirement', onSegment('post', '/retirement', { reason: 'merged' })],
  ['PUT /assignment-rules', () => ({ method: 'put', path: '/assignment-rules', body: { rules: [] } })],
  [
    'PUT /pipelines/:pipelineId',
    () => ({
      method: 'put',
      path: '/pipelines/p-1',
      body: { name: 'P', stages: [{ stageId: 's', name: 'S', probability: 0.5 }] },
    }),
  ],
  [
    'PUT /scoring-rules',
    () => ({
      method: 'put',
      path: '/scoring-rules',
      body: scoringRulesRequest(),
    }),
  ],
  [
    'PUT /opportunity-reasons',
    () => ({ method: 'put', path: '/opportunity-reasons', body: { wonReasons: [], lossReasons: ['price'] } }),
  ],
  ['PUT /divisions/:divisionId', () => ({ method: 'put', path: '/divisions/west', body: division, headers: admin })],
  ['POST /units', post('/units', unitOpening)],
  ['PUT /units/:unitId', () => ({ method: 'put', path: '/units/unit-1', body: unitProfile })],
  ['POST /units/:unitId/managers', post('/units/unit-1/managers', { personId: 'person-1', effectiveOn: '2026-03-01' })],
  ['POST /units/:unitId/closure', post('/units/unit-1/closure', { reason: 'Merged', effectiveOn: '2026-10-01' })],
  ['POST /positions', post('/positions', position)],
  [
    'PUT /positions/:positionId',
    () => ({
      method: 'put',
      path: '/positions/position-1',
      body: { title: 'T', duties: [], requiredCertifications: [] },
    }),
  ],
  ['POST /positions/:positionId/retirement', post('/positions/position-1/retirement', { reason: 'Merged' })],
  ['POST /people', post('/people', hire)],
  [
    'PUT /people/:personId/onboarding-plan',
    put('/people/person-1/onboarding-plan', { tasks: [{ taskId: 't', title: 'T', dueDay: 0 }] }),
  ],
  ['PUT /people/:personId/ramp-schedule', put('/people/person-1/ramp-schedule', { monthlyShares: [1] })],
  [
    'POST /people/:personId/transfers',
    post('/people/person-1/transfers', { toUnitId: 'unit-2', effectiveOn: '2026-06-01', reason: 'Moved' }),
  ],
  ['POST /people/:personId/leave', post('/people/person-1/leave', { startsOn: '2026-04-01', reason: 'Leave' })],
  ['POST /people/:personId/return', post('/people/person-1/return', { returnsOn: '2026-05-01' })],
  [
    'POST /people/:personId/departure',
    post('/people/person-1/departure', { departedOn: '2026-09-01', reason: 'Left' }),
  ],
  ['POST /training/courses', post('/training/courses', course)],
  ['PUT /training/courses/:courseId', put('/training/courses/course-1', { ...course, courseId: undefined })],
  ['POST /training/courses/:courseId/retirement', post('/training/courses/course-1/retirement', { reason: 'Old' })],
  ['POST /training/programmes', post('/training/programmes', programme)],
  [
    'PUT /training/programmes/:programmeId',
    put('/training/programmes/programme-1', { ...programme, programmeId: undefined }),
  ],
  [
    'POST /training/programmes/:programmeId/retirement',
    post('/training/programmes/programme-1/retirement', { reason: 'Old' }),
  ],
  [
    'POST /training/people/:personId/enrolments',
    post('/training/people/person-1/enrolments', { courseId: 'course-1', enrolledOn: '2026-03-02' }),
  ],
  ['POST /training/people/:personId/assessments', post('/training/people/person-1/assessments', assessment)],
  [
    'POST /training/people/:personId/withdrawals',
    post('/training/people/person-1/withdrawals', { courseId: 'course-1', reason: 'x', withdrawnOn: '2026-03-05' }),
  ],
];

const asText = (call: Call, text: string, contentType = 'application/json'): Call => ({
  ...call,
  body: text,
  headers: { ...call.headers, 'Content-Type': contentType },
});
const nested = (levels: number) => `{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`;

/** What no JSON body may be, on every operation that takes one. */
const bodyCases: Case[] = jsonOperations.flatMap(([route, call]): Case[] => [
  [`an array as the body of ${route}`, (ids) => asText(call(ids), '[]'), 'body'],
  [`JSON that breaks off, sent to ${route}`, (ids) => asText(call(ids), '{"a": '), 'body'],
  [`10,000 levels of nesting, sent to ${route}`, (ids) => asText(call(ids), nested(10_000)), 'a'],
  [`__proto__ in the body of ${route}`, (ids) => asText(call(ids), '{"__proto__":{"isAdmin":true}}'), '__proto__'],
  [`a text body sent to ${route}`, (ids) => asText(call(ids), '{}', 'text/plain'), 'Content-Type', 415],
  [
    `a form sent to ${route}`,
    (ids) => asText(call(ids), 'a=1', 'application/x-www-form-urlencoded'),
    'Content-Type',
    415,
  ],
]);

/** A query parameter an operation does not declare is named, whether it takes a query or not. */
const unknownQueryCases: Case[] = [
  '/health/live',
  '/health/ready',
  '/metrics',
  '/pipelines',
  '/channels',
  '/channels/dealers-1',
  '/dealers',
  '/dealers/export',
  '/dealers/dealer-1',
  '/agreements',
  '/agreements/agr-1',
  '/agreements/agr-1/terms',
  '/tier-programmes',
  '/tier-programmes/prog-1',
  '/dealers/dealer-1/tier',
  '/dealers/dealer-1/contacts',
  '/contacts/silent-dealers',
  '/contacts/follow-ups/overdue',
  '/dealers/dealer-1/funds/2026',
  '/registrations',
  '/registrations/reg-1',
  '/dealers/dealer-1/plans/2026',
  '/plans',
  '/plans/export',
  '/segments',
  '/assignment-rules',
  '/scoring-rules',
  '/leads',
  '/leads/export',
  '/opportunities',
  '/opportunities/export',
  '/reports/pipeline',
  '/reports/outcomes',
  '/reports/stages',
  '/reports/key-customers',
  '/reports/deals',
  '/reports/funnel',
  '/reports/lead-sources',
  '/reports/channels',
  '/reports/dealers',
  '/reports/dealers/north-dealer/deals',
  '/units',
  '/units/unit-1',
  '/positions',
  '/positions/position-1',
  '/people',
  '/people/person-1',
  '/training/courses',
  '/training/courses/course-1',
  '/training/programmes',
  '/training/programmes/programme-1',
  '/training/people/person-1',
  '/training/people/person-1/readiness',
  '/training/units/unit-1/readiness',
  '/training/certifications/expiring',
].map((path): Case => [`an unknown query parameter on ${path}`, get(`${path}?colour=red`), 'colour']);

const anyUuid = '7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11';

const requestCases: Case[] = [
  ['a course id in the path that is not an id', get('/training/courses/course%201'), 'courseId'],
  ['a course status none has', get('/training/courses?status=draft'), 'status'],
  ['a programme status none has', get('/training/programmes?status=draft'), 'status'],
  ['a unit id in the path of a readiness that is not an id', get('/training/units/unit%201/readiness'), 'unitId'],
  ['a person id in the path of a training record that is not an id', get('/training/people/p%201'), 'personId'],
  ['a person id in the path that is not an id', get('/people/person%201'), 'personId'],
  ['a task id that is not an id', post('/people/person-1/onboarding-plan/tasks/a%20b/completion', {}), 'taskId'],
  ['a standing no person has', get('/people?status=retired'), 'status'],
  [
    'an import of people that is not CSV',
    () => ({ method: 'post', path: '/people/imports', body: '{}', headers: { 'Content-Type': 'application/json' } }),
    'Content-Type',
    415,
  ],
  [
    'an import of people without a header',
    () => ({ method: 'post', path: '/people/imports', body: '', headers: { 'Content-Type': 'text/csv' } }),
    'body',
  ],
  [
    'an import of people naming a column no hire has',
    () => ({
      method: 'post',
      path: '/people/imports',
      body: 'name,email,unit_id,position_id,hired_on,salary\r\n',
      headers: { 'Content-Type': 'text/csv' },
    }),
    'header',
  ],
  ['a registration id that is not an id', get('/registrations/reg%201'), 'registrationId'],
  ['a registration status none has', get('/registrations?status=pending'), 'status'],
  [
    'a registration estimated value without a currency code',
    post('/registrations', { dealerId: 'dealer-1', companyName: 'K', estimatedValue: { amount: 1, currency: 'eu' } }),
    'estimatedValue.currency',
  ],
  ['a dealer id that is not an id', post('/dealers', { ...dealerApplication, dealerId: 'dealer 1' }), 'dealerId'],
  [
    'a dealer contact email that is none',
    post('/dealers', { ...dealerApplication, contactEmail: 'x' }),
    'contactEmail',
  ],
  ['a dealer without territories', post('/dealers', { ...dealerApplication, territories: [] }), 'territories'],
  ['a dealer id in the path that is not an id', get('/dealers/dealer%201'), 'dealerId'],
  ['an approval of a dealer id that is not an id', post('/dealers/dealer%201/approval', {}), 'dealerId'],
  ['an activation of a dealer id that is not an id', post('/dealers/dealer%201/activation', {}), 'dealerId'],
  ['a reinstatement of a dealer id that is not an id', post('/dealers/dealer%201/reinstatement', {}), 'dealerId'],
  [
    'a requirement id that is not an id',
    () => ({ method: 'put', path: '/dealers/dealer-1/requirements/a%20b', body: { evidence: 'x' } }),
    'requirementId',
  ],
  ['a dealer user id that is not an id', () => ({ method: 'put', path: '/dealers/dealer-1/users/a%20b' }), 'userId'],
  ['a removal of a user id that is not an id', post('/dealers/dealer-1/users/a%20b/removal', {}), 'userId'],
  ['a dealer status no dealer has', get('/dealers?status=sleeping'), 'status'],
  ['an empty company name search', get('/dealers?q='), 'q'],
  [
    'an evidence link that is no web address',
    () => ({
      method: 'put',
      path: '/dealers/dealer-1/requirements/bank-details',
      body: { evidence: 'x', evidenceUrl: 'ftp://files.example/x' },
    }),
    'evidenceUrl',
  ],
  ...weekDates.map((day): Case => [
    `${day} as the day a dealer's termination takes effect`,
    post('/dealers/dealer-1/termination', { reason: 'Left', effectiveDay: day }),
    'effectiveDay',
  ]),
  ...oddIntegers.map((page): Case => [`page=${page} of dealers`, get(`/dealers?page=${page}`), 'page']),
  ['an unknown query parameter on a lead', (ids) => get(`/leads/${ids.leadId}?expand=all`)(), 'expand'],
  ['an unknown query parameter on a segment', (ids) => get(`/segments/${ids.segmentId}?expand=all`)(), 'expand'],
  ['a segment id that is not a UUID', get('/segments/segment-1'), 'segmentId'],
  [
    'an unknown query parameter on a deal',
    (ids) => get(`/opportunities/${ids.opportunityId}?asKnown=2026-01-01T00:00:00Z`)(),
    'asKnown',
  ],
  ['an unknown query parameter on an import', get(`/leads/imports/${anyUuid}?verbose=1`), 'verbose'],
  ['an unknown query parameter on a command', onLead('post', '/qualification?force=1', {}), 'force'],
  [
    'an unknown query parameter on a rebuild',
    () => ({ method: 'post', path: '/admin/projections/pipeline/rebuild?now=1', headers: admin }),
    'now',
  ],
  [
    'an unknown query parameter on a rebuild’s progress',
    () => ({ method: 'get', path: `/admin/projections/rebuilds/${anyUuid}?x=1`, headers: admin }),
    'x',
  ],
  [
    'an unknown projection',
    () => ({ method: 'post', path: '/admin/projections/all-of-it/rebuild', headers: admin }),
    'name',
  ],
  ['an unknown query parameter on the divisions', get('/divisions?all=1'), 'all'],
  ['an unknown query parameter on a division', get('/divisions/north?x=1'), 'x'],
  ['a division id that is not an id', get('/divisions/no%20such'), 'divisionId'],
  ['a division recorded under an id that is not one', putDivision(division, '/divisions/a%20b'), 'divisionId'],
  ['a division without a name', putDivision({ ...division, name: undefined }), 'name'],
  ['a rep id that is not an id', putDivision({ ...division, repIds: ['rep 1'] }), 'repIds'],
  [
    'a team of someone not a rep of the division',
    putDivision({ ...division, teams: [{ teamId: 't-1', name: 'T', repIds: ['rep-9'] }] }),
    'teams[0].repIds[0]',
  ],
  ['a rep listed twice', putDivision({ ...division, repIds: ['rep-1', 'rep-1'] }), 'repIds[1]'],
  ['a list of dealers, who come from the channels service', putDivision({ ...division, dealerIds: [] }), 'dealerIds'],
  [
    'a new deal through a dealer the channels service never activated',
    post('/opportunities', { ...dealRequest(), channel: { kind: 'dealer', dealerId: 'no-such-dealer' } }),
    'channel.dealerId',
  ],
  [
    'a deal attributed to an unknown dealer',
    onDeal('put', '/channel', { kind: 'dealer', dealerId: 'nobody' }),
    'dealerId',
  ],
  ['a JSON body as an import', post('/leads/imports', { rows: [] }), 'Content-Type', 415],
  [
    'an import resuming something that is not a UUID',
    (ids) => asText(post(`/leads/imports?resumes=${ids.leadId.slice(0, 8)}`, '')(), 'source\r\n', 'text/csv'),
    'resumes',
  ],
  ['a NUL character in a name', post('/leads', { ...lead, contact: { name: 'A\u0000da' } }), 'contact.name'],
  ['a NUL character in a query', get('/reports/pipeline?source=web%00'), 'source'],
  [
    'a lone surrogate in an email',
    post('/leads', '{"source":"web","contact":{"name":"Ada","email":"a\\ud800@acme.de"},"company":{"name":"Acme"}}'),
    'contact.email',
  ],
  [
    'a lone surrogate in a revised email',
    onLead('patch', '', '{"contact":{"email":"ada\\udfff@acme.de"}}'),
    'contact.email',
  ],
  [
    'a lone surrogate in a name',
    onSegment('put', '', '{"name":"Big \\ud83d","criteria":{"industries":["x"]}}'),
    'name',
  ],
  ['a lone surrogate as a key', onLead('patch', '', '{"\\ud800":1}'), '\ud800'],
  [
    'constructor in a nested object',
    onLead('patch', '', '{"contact":{"constructor":{"name":"x"}}}'),
    'contact.constructor',
  ],
  [
    'prototype in a rule',
    () => asText({ method: 'put', path: '/assignment-rules' }, '{"rules":[{"prototype":1}]}'),
    'rules[0].prototype',
  ],
  ['a string as the body', post('/opportunities', '"x"'), 'body'],
  ['a number as the body', onDeal('post', '/win', '1'), 'body'],
  ['null as the body', onDeal('post', '/win', 'null'), 'body'],
  [
    'a body in an unknown encoding',
    withHeaders(post('/leads', lead), { 'Content-Encoding': 'zstd' }),
    'Content-Encoding',
    415,
  ],
  ['a plain body that says it is gzip', withHeaders(post('/leads', lead), { 'Content-Encoding': 'gzip' }), 'body'],
  ['a plain body that says it is brotli', withHeaders(post('/leads', lead), { 'Content-Encoding': 'br' }), 'body'],
  ['a query parameter without a name', get('/pipelines?=1'), '""'],
  ['a query parameter without a name, where a query is taken', get('/leads?=1'), '""'],
  ['a field without a name', onLead('patch', '', '{"contact":{"":1}}'), 'contact.""'],
  [
    'a body in a charset other than UTF-8',
    () => asText(post('/leads', '')(), '{}', 'application/json; charset=iso-8859-1'),
    'Content-Type',
    415,
  ],
  ['a path that is not UTF-8', get('/leads/%ED%A0%80'), 'path'],
  [
    'an X-Division-Id that is not an id',
    withHeaders(get('/pipelines'), { 'X-Division-Id': 'north west' }),
    'X-Division-Id',
  ],
  [
    'an Idempotency-Key that is not a key',
    withHeaders(post('/segments', segment), { 'Idempotency-Key': 'a b' }),
    'Idempotency-Key',
  ],
  [
    'an If-Match that is not an ETag',
    withHeaders(onLead('post', '/qualification', {}), { 'If-Match': 'three' }),
    'If-Match',
  ],
];

/** Ids of the right shape, for naming the route of each case before any record exists. */
const sampleIds: Ids = { leadId: anyUuid, qualifiedLeadId: anyUuid, opportunityId: anyUuid, segmentId: anyUuid };

/** The served route a call is routed to: a route without parameters wins over one with. */
function routeOf(routes: string[], call: Call): string | undefined {
  const path = call.path.split('?')[0] as string;
  const matching = routes.filter((route) => {
    const [method, template] = route.split(' ') as [string, string];
    const pattern = new RegExp(`^${template.replace(/:\w+/g, '[^/]+')}$`);
    return method === call.method.toUpperCase() && pattern.test(path);
  });
  return matching.sort((a, b) => a.split(':').length - b.split(':').length)[0];
}

describe('input rules on every operation that takes input', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let ids: Ids;
  const manager = asUser('manager-north', 'division-manager', 'north');
  const http = () => request(app.getHttpServer());

  const send = (call: Call) => {
    const started = http()[call.method](call.path);
    const pending = started.set(manager).set(call.headers ?? {});
    if (typeof call.body === 'string') {
      return pending.set('Content-Type', call.headers?.['Content-Type'] ?? 'application/json').send(call.body);
    }
    return call.body === undefined ? pending : pending.send(call.body);
  };
  const created = async (call: Call): Promise<Record<string, string>> => {
    const response = await send(call);
    if (response.status >= 300) throw new Error(`${call.path}: ${response.status} ${response.text}`);
    return response.body as Record<string, string>;
  };
  const lastPosition = async () => (await store.readAll({ maxCount: 1_000_000 })).lastScannedPosition;

  beforeAll(async () => {
    ({ app, store } = await startTestPlatform());
    const { leadId } = await created(post('/leads', lead)());
    const { leadId: qualifiedLeadId } = await created(post('/leads', { ...lead, company: { name: 'Qualified Co' } })());
    await created(post(`/leads/${qualifiedLeadId}/qualification`, {})());
    const { opportunityId } = await created(post('/opportunities', dealRequest())());
    const { segmentId } = await created(post('/segments', segment)());
    ids = { leadId, qualifiedLeadId, opportunityId, segmentId } as Ids;
  });

  afterAll(async () => {
    await app.close();
  });

  const everyCase = [...cases, ...bodyCases, ...unknownQueryCases, ...requestCases];

  it('tries every route the platform serves', () => {
    const tried = new Set(everyCase.map(([, call]) => routeOf(servedRoutes(app), call(sampleIds))));
    expect(servedRoutes(app).filter((route) => !tried.has(route))).toEqual([]);
  });

  it.each(everyCase)('refuses %s, naming the field and changing nothing', async (_label, call, field, status = 400) => {
    const before = await lastPosition();
    const response = await send(call(ids));
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = (response.body.errors ?? []) as Array<{ field: string }>;
    // A field deep inside the one named counts: nesting is reported where it gets too deep.
    const named = fields.some((error) => error.field === field || error.field.startsWith(`${field}[`));
    expect({ status: response.status, named, body: response.body as unknown }).toEqual({
      status,
      named: true,
      body: expect.objectContaining({ status, title: expect.any(String) }) as unknown,
    });
    expect(await lastPosition()).toBe(before);
  });

  it('answers 413 to a body over 100 kB, and lists at most 50 of 5,000 errors in a few kilobytes', async () => {
    const before = await lastPosition();
    const large = await send(post('/leads', { ...lead, campaign: 'x'.repeat(110_000) })());
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ status: 413, title: 'The request body is too large' });
    const lines = Array.from({ length: 5000 }, () => ({}));
    const many = await send(onDeal('put', '/products', { products: lines })(ids));
    expect(many.status).toBe(400);
    expect(many.body.errors).toHaveLength(50);
    expect(many.body.moreErrors).toBeGreaterThan(5000);
    expect(many.text.length).toBeLessThan(20_000);
    const longName = await send(onLead('patch', '', { ['k'.repeat(50_000)]: 1 })(ids));
    expect(longName.status).toBe(400);
    expect(longName.text.length).toBeLessThan(2_000);
    expect(await lastPosition()).toBe(before);
  });

  it('still takes the forms the rules allow', async () => {
    // This instant written at +01:00 with a fraction: after the deal's opening and not in the future.
    const inBerlin = new Date(Date.now() + 60 * 60_000).toISOString().replace('Z', '+01:00');
    const accepted: Call[] = [
      post('/leads', { ...lead, company: { name: 'Cents Co' }, estimatedValue: { amount: 19.99, currency: 'EUR' } })(),
      onDeal('post', '/forecast', {
        amount: { amount: 1_000_000_000_000, currency: 'EUR' },
        expectedCloseDate: '2028-02-29',
        effectiveAt: inBerlin,
      })(ids),
      onLead('post', '/nurturing', { until: '2026-12-31' })(ids),
      get('/opportunities?closingFrom=2026-01-01&closingTo=2026-12-31&page=007&pageSize=200')(),
      get(`/opportunities/${ids.opportunityId}?asKnownAt=2099-01-01T00:00:00Z`)(),
      get('/reports/pipeline?asOf=2026-03-01t00:00:00z')(),
      get('/reports/deals?from=2026-01-01&to=2026-04-01&page=100000')(),
      get('/reports/key-customers?limit=100')(),
    ];
    const refused: string[] = [];
    for (const call of accepted) {
      const response = await send(call);
      if (response.status >= 300) refused.push(`${call.path}: ${response.status} ${response.text}`);
    }
    expect(refused).toEqual([]);
  });
});
