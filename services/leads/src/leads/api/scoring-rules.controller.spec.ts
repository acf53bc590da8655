import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { SegmentRematchPolicy } from '../application/segment-rematch.policy';
import { defaultScoringRules } from '../domain/lead-scoring';

const manager = asUser('manager-1', 'division-manager', 'north');
const fairRules = {
  ...defaultScoringRules,
  sources: [{ source: 'fair', points: 30 }],
  estimatedValue: [{ atLeast: 1_000, points: 20 }],
};

describe('scoring rules API', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createLeadsApp({ auth: testAuth.verifier, store });
    await app.init();
    await recordTestDivisions(app);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 10_000 })).events.length;
  let n = 0;
  const capture = (source: string, headers = manager) =>
    http()
      .post('/leads')
      .set(headers)
      .send({
        source,
        contact: { name: `Lead ${(n += 1)}` },
        company: { name: `Company ${n}` },
        estimatedValue: { amount: 2_000, currency: 'EUR' },
      });

  it('answers the defaults with version 0 until the division sets its own', async () => {
    const response = await http().get('/scoring-rules').set(manager);
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toEqual({ version: 0, rules: defaultScoringRules });
  });

  it("scores new leads by the division's rules, scores its open leads again, and leaves other divisions alone", async () => {
    const before = await capture('fair');
    expect(before.body.score).toBe(0);

    const set = await http().put('/scoring-rules').set(manager).set('If-Match', '"0"').send(fairRules);
    expect(set.status).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect((await http().get('/scoring-rules').set(manager)).body).toEqual({ version: 1, rules: fairRules });

    const after = await capture('Fair');
    expect(after.body).toMatchObject({ score: 50 });
    expect(after.body.scoreReasons).toEqual([
      { rule: 'source', points: 30, explanation: "source 'Fair'" },
      { rule: 'estimated-value', points: 20, explanation: 'estimated value 2000 EUR' },
    ]);
    // The lead captured before the change is scored again in the background.
    await app.get(SegmentRematchPolicy).settled();
    expect((await http().get(`/leads/${before.body.leadId}`).set(manager)).body.score).toBe(50);

    const south = asUser('manager-1', 'division-manager', 'south');
    expect((await capture('fair', south)).body.score).toBe(0);
    expect((await capture('referral', south)).body.score).toBe(20);
  });

  it('refuses a stale If-Match with 412 and appends nothing', async () => {
    await http().put('/scoring-rules').set(manager).send(fairRules);
    const before = await events();
    const stale = await http().put('/scoring-rules').set(manager).set('If-Match', '"0"').send(defaultScoringRules);
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
  });

  it('refuses invalid rules naming the field, and appends nothing', async () => {
    const { reachablePhone: _phone, ...withoutPhone } = fairRules;
    const cases: Array<[object, string]> = [
      [{ ...fairRules, sources: [...fairRules.sources, { source: 'FAIR', points: 1 }] }, 'sources[1].source'],
      [
        { ...fairRules, estimatedValue: [fairRules.estimatedValue[0], fairRules.estimatedValue[0]] },
        'estimatedValue[1].atLeast',
      ],
      [{ ...fairRules, sources: [{ source: 'fair', points: 101 }] }, 'sources[0].points'],
      [{ ...fairRules, sources: [{ source: 'fair', points: 1.5 }] }, 'sources[0].points'],
      [{ ...fairRules, sources: [{ source: '', points: 1 }] }, 'sources[0].source'],
      [{ ...fairRules, estimatedValue: [{ atLeast: -1, points: 1 }] }, 'estimatedValue[0].atLeast'],
      [{ ...fairRules, companySize: { ...fairRules.companySize, mid: -1 } }, 'companySize.mid'],
      [{ ...fairRules, perNeed: 'many' }, 'perNeed'],
      [withoutPhone, 'reachablePhone'],
      [{ ...fairRules, companySize: null }, 'companySize'],
    ];
    const before = await events();
    for (const [body, field] of cases) {
      const response = await http().put('/scoring-rules').set(manager).send(body);
      expect({
        field,
        status: response.status,
        type: response.headers['content-type'] as string,
        fields: (response.body.errors as Array<{ field: string }> | undefined)?.map((error) => error.field),
      }).toEqual({
        field,
        status: 400,
        type: expect.stringMatching(/application\/problem\+json/) as unknown,
        fields: expect.arrayContaining([field]) as unknown,
      });
    }
    expect(await events()).toBe(before);
  });

  it('lets the division setup roles set them, the organisation read them, and refuses the rest', async () => {
    const rep = asUser('rep-1', 'rep', 'north');
    expect((await http().get('/scoring-rules').set(rep)).status).toBe(200);
    expect((await http().put('/scoring-rules').set(rep).send(fairRules)).status).toBe(403);
    const dealer = asUser('dealer-user', 'dealer', 'north', { dealerId: 'dealer-1' });
    expect((await http().get('/scoring-rules').set(dealer)).status).toBe(403);
    const analyst = asUser('analyst-1', 'analyst', 'north');
    expect((await http().put('/scoring-rules').set(analyst).send(fairRules)).status).toBe(403);
    const director = { ...asUser('director-1', 'sales-director', 'north'), 'X-Division-Id': 'north' };
    expect((await http().put('/scoring-rules').set(director).send(fairRules)).status).toBe(200);
  });
});
