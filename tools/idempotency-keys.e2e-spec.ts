import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { recordPlatformDealers, startTestPlatform } from './testing/test-platform';
import { dealRequest } from './testing/deal-request';
import { scoringRulesRequest } from './testing/scoring-rules-request';

jest.setTimeout(60_000);

/** Fresh records for one command: its earlier state cannot decide the answer. */
interface Records {
  leadId: string;
  otherLeadId: string;
  qualifiedLeadId: string;
  opportunityId: string;
  lostOpportunityId: string;
  segmentId: string;
}

type Call = { method: 'post' | 'put' | 'patch'; path: string; body: object };

/** Every command of the platform: a request, and another one to the same record. */
const commands: Record<string, (records: Records) => [Call, Call]> = {
  'POST /leads': () => {
    const lead = (name: string) => ({ source: 'web', contact: { name }, company: { name: `${name} Keyed Co` } });
    return [
      { method: 'post', path: '/leads', body: lead('Ana') },
      { method: 'post', path: '/leads', body: lead('Ben') },
    ];
  },
  'PATCH /leads/:leadId': (r) => [
    { method: 'patch', path: `/leads/${r.leadId}`, body: { territory: 'harbour' } },
    { method: 'patch', path: `/leads/${r.leadId}`, body: { territory: 'hills' } },
  ],
  'POST /leads/:leadId/qualification': (r) => [
    { method: 'post', path: `/leads/${r.leadId}/qualification`, body: { note: 'budget confirmed' } },
    { method: 'post', path: `/leads/${r.leadId}/qualification`, body: {} },
  ],
  'POST /leads/:leadId/disqualification': (r) => [
    { method: 'post', path: `/leads/${r.leadId}/disqualification`, body: { reason: 'no budget' } },
    { method: 'post', path: `/leads/${r.leadId}/disqualification`, body: { reason: 'no need' } },
  ],
  'POST /leads/:leadId/nurturing': (r) => [
    { method: 'post', path: `/leads/${r.leadId}/nurturing`, body: { until: '2027-01-01' } },
    { method: 'post', path: `/leads/${r.leadId}/nurturing`, body: { until: '2027-02-01' } },
  ],
  'PUT /leads/:leadId/owner': (r) => [
    { method: 'put', path: `/leads/${r.leadId}/owner`, body: { repId: 'rep-1' } },
    { method: 'put', path: `/leads/${r.leadId}/owner`, body: { repId: 'rep-2' } },
  ],
  'POST /leads/:leadId/merge': (r) => [
    { method: 'post', path: `/leads/${r.leadId}/merge`, body: { intoLeadId: r.otherLeadId } },
    { method: 'post', path: `/leads/${r.leadId}/merge`, body: { intoLeadId: r.qualifiedLeadId } },
  ],
  'POST /leads/:leadId/conversion': (r) => [
    { method: 'post', path: `/leads/${r.qualifiedLeadId}/conversion`, body: dealRequest() },
    { method: 'post', path: `/leads/${r.qualifiedLeadId}/conversion`, body: dealRequest({ accountName: 'Other' }) },
  ],
  'POST /opportunities': () => [
    { method: 'post', path: '/opportunities', body: dealRequest({ accountName: 'Keyed Deal' }) },
    { method: 'post', path: '/opportunities', body: dealRequest({ accountName: 'Other Deal' }) },
  ],
  'PUT /opportunities/:opportunityId/stage': (r) => [
    { method: 'put', path: `/opportunities/${r.opportunityId}/stage`, body: { stageId: 'qualification' } },
    { method: 'put', path: `/opportunities/${r.opportunityId}/stage`, body: { stageId: 'proposal' } },
  ],
  'POST /opportunities/:opportunityId/forecast': (r) => [
    { method: 'post', path: `/opportunities/${r.opportunityId}/forecast`, body: { expectedCloseDate: '2027-01-31' } },
    { method: 'post', path: `/opportunities/${r.opportunityId}/forecast`, body: { expectedCloseDate: '2027-02-28' } },
  ],
  'PUT /opportunities/:opportunityId/products': (r) => [
    {
      method: 'put',
      path: `/opportunities/${r.opportunityId}/products`,
      body: { products: [{ productId: 'p-1', quantity: 1 }] },
    },
    {
      method: 'put',
      path: `/opportunities/${r.opportunityId}/products`,
      body: { products: [{ productId: 'p-1', quantity: 2 }] },
    },
  ],
  'PUT /opportunities/:opportunityId/channel': (r) => [
    { method: 'put', path: `/opportunities/${r.opportunityId}/channel`, body: { kind: 'dealer', dealerId: 'd-1' } },
    { method: 'put', path: `/opportunities/${r.opportunityId}/channel`, body: { kind: 'dealer', dealerId: 'd-2' } },
  ],
  'POST /opportunities/:opportunityId/win': (r) => [
    { method: 'post', path: `/opportunities/${r.opportunityId}/win`, body: {} },
    { method: 'post', path: `/opportunities/${r.opportunityId}/win`, body: { amount: { amount: 5, currency: 'EUR' } } },
  ],
  'POST /opportunities/:opportunityId/loss': (r) => [
    { method: 'post', path: `/opportunities/${r.opportunityId}/loss`, body: { reason: 'price' } },
    { method: 'post', path: `/opportunities/${r.opportunityId}/loss`, body: { reason: 'timing' } },
  ],
  'POST /opportunities/:opportunityId/reopen': (r) => [
    { method: 'post', path: `/opportunities/${r.lostOpportunityId}/reopen`, body: {} },
    { method: 'post', path: `/opportunities/${r.lostOpportunityId}/reopen`, body: { stageId: 'proposal' } },
  ],
  'POST /segments': () => [
    { method: 'post', path: '/segments', body: { name: 'Keyed', criteria: { industries: ['machinery'] } } },
    { method: 'post', path: '/segments', body: { name: 'Keyed', criteria: { industries: ['medical'] } } },
  ],
  'PUT /segments/:segmentId': (r) => [
    { method: 'put', path: `/segments/${r.segmentId}`, body: { name: 'Renamed', criteria: { industries: ['x'] } } },
    {
      method: 'put',
      path: `/segments/${r.segmentId}`,
      body: { name: 'Renamed again', criteria: { industries: ['x'] } },
    },
  ],
  'POST /segments/:segmentId/retirement': (r) => [
    { method: 'post', path: `/segments/${r.segmentId}/retirement`, body: { reason: 'merged' } },
    { method: 'post', path: `/segments/${r.segmentId}/retirement`, body: { reason: 'dropped' } },
  ],
  'PUT /assignment-rules': () => {
    const rule = (teamId: string) => ({ kind: 'round-robin', ruleId: 'rr', teamId, repIds: ['rep-1'] });
    return [
      { method: 'put', path: '/assignment-rules', body: { rules: [rule('team-a')] } },
      { method: 'put', path: '/assignment-rules', body: { rules: [rule('team-b')] } },
    ];
  },
  'PUT /pipelines/:pipelineId': () => {
    const pipeline = (probability: number) => ({
      name: 'Keyed pipeline',
      stages: [{ stageId: 'offer', name: 'Offer', probability }],
    });
    return [
      { method: 'put', path: '/pipelines/keyed', body: pipeline(0.3) },
      { method: 'put', path: '/pipelines/keyed', body: pipeline(0.4) },
    ];
  },
  'PUT /scoring-rules': () => {
    const rules = (points: number) => scoringRulesRequest({ perNeed: points });
    return [
      { method: 'put', path: '/scoring-rules', body: rules(4) },
      { method: 'put', path: '/scoring-rules', body: rules(5) },
    ];
  },
  'PUT /opportunity-reasons': () => [
    {
      method: 'put',
      path: '/opportunity-reasons',
      body: { wonReasons: ['keyed'], lossReasons: ['price', 'timing', 'competitor'] },
    },
    {
      method: 'put',
      path: '/opportunity-reasons',
      body: { wonReasons: ['keyed-again'], lossReasons: ['price', 'timing', 'competitor'] },
    },
  ],
};

describe('Idempotency-Key on every command', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let made = 0;
  const manager = asUser('manager-north', 'division-manager', 'north');

  const send = (call: Call, key: string) =>
    request(app.getHttpServer())[call.method](call.path).set(manager).set('Idempotency-Key', key).send(call.body);
  const created = async (call: Call): Promise<Record<string, string>> => {
    const response = await request(app.getHttpServer())[call.method](call.path).set(manager).send(call.body);
    if (response.status >= 300) throw new Error(`${call.path}: ${response.status} ${response.text}`);
    return response.body as Record<string, string>;
  };
  const lastPosition = async () => (await store.readAll({ maxCount: 1_000_000 })).lastScannedPosition;

  async function freshRecords(): Promise<Records> {
    made += 1;
    const lead = async (name: string) =>
      (
        await created({
          method: 'post',
          path: '/leads',
          body: { source: 'web', contact: { name }, company: { name: `${name} ${made} GmbH` } },
        })
      ).leadId as string;
    const [leadId, otherLeadId, qualifiedLeadId] = [await lead('Cleo'), await lead('Dan'), await lead('Eve')];
    await created({ method: 'post', path: `/leads/${qualifiedLeadId}/qualification`, body: {} });
    const deal = async () =>
      (await created({ method: 'post', path: '/opportunities', body: dealRequest({ accountName: `Deal ${made}` }) }))
        .opportunityId as string;
    const [opportunityId, lostOpportunityId] = [await deal(), await deal()];
    await created({ method: 'post', path: `/opportunities/${lostOpportunityId}/loss`, body: { reason: 'price' } });
    const { segmentId } = await created({
      method: 'post',
      path: '/segments',
      body: { name: `Segment ${made}`, criteria: { industries: ['machinery'] } },
    });
    return { leadId, otherLeadId, qualifiedLeadId, opportunityId, lostOpportunityId, segmentId: segmentId as string };
  }

  beforeAll(async () => {
    ({ app, store } = await startTestPlatform());
    await recordPlatformDealers(app, store, [{ dealerId: 'd-1' }, { dealerId: 'd-2' }]);
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(Object.entries(commands))(
    '%s: a retry gets the first answer, another request under the same key gets 422, neither changes anything',
    async (route, calls) => {
      const [first, other] = calls(await freshRecords());
      const key = `key-${route.replace(/\W+/g, '-')}-${made}`;
      const answered = await send(first, key);
      expect({ route, answered: answered.status < 300 ? 'ok' : answered.text }).toEqual({ route, answered: 'ok' });
      const before = await lastPosition();
      const retried = await send(first, key);
      expect({ status: retried.status, body: retried.body as unknown }).toEqual({
        status: answered.status,
        body: answered.body as unknown,
      });
      const reused = await send(other, key);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body).toMatchObject({
        status: 422,
        type: 'https://salesos.dev/problems/idempotency-key-reused',
        title: 'The Idempotency-Key was used for a different request',
      });
      // The same body with its keys in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(first.body).reverse()) as object;
      expect((await send({ ...first, body: reordered }, key)).status).toBe(answered.status);
      expect(await lastPosition()).toBe(before);
    },
  );

  it('keeps a key per caller: another user’s request under the same key is a request of its own', async () => {
    const call = commands['POST /segments']!(await freshRecords());
    const first = await send(call[0], 'shared-key');
    const byOther = await request(app.getHttpServer())
      .post('/segments')
      .set(asUser('manager-other', 'division-manager', 'north'))
      .set('Idempotency-Key', 'shared-key')
      .send(call[1].body);
    expect([first.status, byOther.status]).toEqual([201, 201]);
    expect(byOther.body.segmentId).not.toBe(first.body.segmentId);
  });
});
