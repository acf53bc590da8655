import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { startTestPlatform } from './testing/test-platform';
import { dealRequest } from './testing/deal-request';

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
}

type Case = [label: string, call: (ids: Ids) => Call, field: string];

const lead = { source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } };
const post = (path: string, body: object | string) => (): Call => ({ method: 'post', path, body });
const get = (path: string) => (): Call => ({ method: 'get', path });
const onLead =
  (method: Call['method'], suffix: string, body: object | string) =>
  (ids: Ids): Call => ({ method, path: `/leads/${ids.leadId}${suffix}`, body });
const onDeal =
  (method: Call['method'], suffix: string, body: object | string) =>
  (ids: Ids): Call => ({ method, path: `/opportunities/${ids.opportunityId}${suffix}`, body });
const onSegment =
  (method: Call['method'], suffix: string, body: object | string) =>
  (ids: Ids): Call => ({ method, path: `/segments/${ids.segmentId}${suffix}`, body });
const segment = { name: 'Big', criteria: { industries: ['machinery'] } };
const weekDates = ['2026-W01', '2026-W01-1', '20260101', '2026', '2026-001', '2026-02-30'];
const loneTimes = ['2026-W01', '2026-03-01', '2026-03-01T00:00:00', '2026-03-01 00:00:00Z', '2026-02-30T00:00:00Z'];
const oddAmounts = ['5e-324', '-0', '1e308', '0.001', '1000000000000.01', '-1'];
const oddIntegers = ['1e308', '0x10', '1.0', '%205', '%2B5', '-1', '0', '100001', ''];

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
  ['a null loss reason', onDeal('post', '/loss', { reason: null }), 'reason'],
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
  ['an instant as a pipeline day', get('/reports/pipeline?from=2026-W01'), 'from'],
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
];

describe('input rules on every operation that takes input', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let ids: Ids;
  const manager = asUser('manager-north', 'division-manager', 'north');
  const http = () => request(app.getHttpServer());

  const send = (call: Call) => {
    const pending = http()[call.method](call.path).set(manager);
    if (typeof call.body === 'string') return pending.set('Content-Type', 'application/json').send(call.body);
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

  it.each(cases)('refuses %s with 400 naming the field, changing nothing', async (_label, call, field) => {
    const before = await lastPosition();
    const response = await send(call(ids));
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect({
      status: response.status,
      fields: response.body.errors?.map((error: { field: string }) => error.field),
    }).toEqual({
      status: 400,
      fields: expect.arrayContaining([field]),
    });
    expect(await lastPosition()).toBe(before);
  });

  it('still takes the forms the rules allow', async () => {
    const accepted: Call[] = [
      post('/leads', { ...lead, company: { name: 'Cents Co' }, estimatedValue: { amount: 19.99, currency: 'EUR' } })(),
      onDeal('post', '/forecast', {
        amount: { amount: 1_000_000_000_000, currency: 'EUR' },
        expectedCloseDate: '2028-02-29',
        effectiveAt: '2026-03-01T10:30:00.123+01:00',
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
