import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';

const manager = asUser('manager-7', 'division-manager', 'north');
const service = {
  name: 'Service contracts',
  stages: [
    { stageId: 'offer', name: 'Offer', probability: 0.3 },
    { stageId: 'signature', name: 'Signature', probability: 0.8 },
  ],
};
const deal = (pipelineId = 'service-contracts', stageId?: string) => ({
  accountName: 'Acme',
  pipelineId,
  ...(stageId === undefined ? {} : { stageId }),
  amount: { amount: 50000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  products: [],
  channel: { kind: 'direct' },
});

describe('sales process API: pipelines, won and loss reasons per division', () => {
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

  it('answers the defaults with version 0 until the division defines its own', async () => {
    const response = await http().get('/pipelines').set(manager);
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toMatchObject({
      version: 0,
      wonReasons: ['product-fit', 'price', 'relationship', 'service', 'references'],
      lossReasons: ['price', 'competitor', 'no-decision', 'timing', 'product-fit', 'budget'],
    });
    expect(response.body.pipelines.map((pipeline: { pipelineId: string }) => pipeline.pipelineId)).toEqual([
      'new-business',
      'upsell',
      'dealer-sourced',
    ]);
  });

  it("defines a division's own pipeline, which its deals then run in, and leaves other divisions as they were", async () => {
    const defined = await http().put('/pipelines/service-contracts').set(manager).set('If-Match', '"0"').send(service);
    expect(defined.status).toBe(200);
    expect(defined.headers.etag).toBe('"1"');
    expect(defined.body.pipelines[3]).toEqual({ pipelineId: 'service-contracts', ...service });

    const opened = await http().post('/opportunities').set(manager).send(deal());
    expect(opened.status).toBe(201);
    const path = `/opportunities/${opened.body.opportunityId}`;
    expect((await http().get(path).set(manager)).body).toMatchObject({ stageId: 'offer', probability: 0.3 });
    const moved = await http().put(`${path}/stage`).set(manager).send({ stageId: 'signature' });
    expect(moved.status).toBe(200);
    expect((await http().get(path).set(manager)).body).toMatchObject({ stageId: 'signature', probability: 0.8 });
    const unknownStage = await http().put(`${path}/stage`).set(manager).send({ stageId: 'proposal' });
    expect(unknownStage.status).toBe(400);

    const south = asUser('manager-7', 'division-manager', 'south');
    expect((await http().get('/pipelines').set(south)).body.pipelines).toHaveLength(3);
    const elsewhere = await http().post('/opportunities').set(south).send(deal());
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'pipelineId' })]);
  });

  it('refuses a stale If-Match with 412 and appends nothing', async () => {
    await http().put('/pipelines/service-contracts').set(manager).send(service);
    const before = await events();
    const stale = await http()
      .put('/opportunity-reasons')
      .set(manager)
      .set('If-Match', '"0"')
      .send({ wonReasons: [], lossReasons: ['price'] });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
  });

  it('refuses to remove a stage open deals are in, naming it, and allows it once they moved on', async () => {
    const opened = await http().post('/opportunities').set(manager).send(deal('new-business', 'commit'));
    const withoutCommit = {
      name: 'New business',
      stages: [
        { stageId: 'prospecting', name: 'Prospecting', probability: 0.1 },
        { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
      ],
    };
    const before = await events();
    const refused = await http().put('/pipelines/new-business').set(manager).send(withoutCommit);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toContain("Stage 'commit'");
    expect(await events()).toBe(before);

    await http().put(`/opportunities/${opened.body.opportunityId}/stage`).set(manager).send({ stageId: 'proposal' });
    const accepted = await http().put('/pipelines/new-business').set(manager).send(withoutCommit);
    expect(accepted.status).toBe(200);
    expect(accepted.body.pipelines[0].stages.map((stage: { stageId: string }) => stage.stageId)).toEqual([
      'prospecting',
      'proposal',
    ]);
  });

  it("wins with one of the division's won reasons, refuses another naming the field, and still wins without one", async () => {
    const reasons = await http()
      .put('/opportunity-reasons')
      .set(manager)
      .send({ wonReasons: ['relationship', 'references'], lossReasons: ['price', 'ghosted'] });
    expect(reasons.status).toBe(200);
    expect(reasons.body).toMatchObject({
      wonReasons: ['relationship', 'references'],
      lossReasons: ['price', 'ghosted'],
    });

    const open = async () =>
      (await http().post('/opportunities').set(manager).send(deal('new-business'))).body.opportunityId as string;
    const first = await open();
    const before = await events();
    const unknown = await http().post(`/opportunities/${first}/win`).set(manager).send({ reason: 'product-fit' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(await events()).toBe(before);

    expect((await http().post(`/opportunities/${first}/win`).set(manager).send({ reason: 'references' })).status).toBe(
      200,
    );
    expect((await http().get(`/opportunities/${first}`).set(manager)).body).toMatchObject({
      status: 'won',
      wonReason: 'references',
    });
    expect(
      (
        await http()
          .post(`/opportunities/${await open()}/win`)
          .set(manager)
          .send({})
      ).status,
    ).toBe(200);

    // Loss reasons are the division's own too.
    const lost = await http()
      .post(`/opportunities/${await open()}/loss`)
      .set(manager)
      .send({ reason: 'ghosted' });
    expect(lost.status).toBe(200);
    const oldReason = await http()
      .post(`/opportunities/${await open()}/loss`)
      .set(manager)
      .send({ reason: 'timing' });
    expect(oldReason.status).toBe(400);
    expect(oldReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });

  it('refuses invalid definitions naming the field, and appends nothing', async () => {
    const stage = service.stages[0];
    const cases: Array<[string, string, object, string]> = [
      ['put', '/pipelines/service-contracts', { ...service, stages: [] }, 'stages'],
      ['put', '/pipelines/service-contracts', { ...service, stages: [stage, stage] }, 'stages[1].stageId'],
      [
        'put',
        '/pipelines/service-contracts',
        { ...service, stages: [{ ...stage, probability: 1.5 }] },
        'stages[0].probability',
      ],
      [
        'put',
        '/pipelines/service-contracts',
        { ...service, stages: [{ ...stage, probability: -1 }] },
        'stages[0].probability',
      ],
      [
        'put',
        '/pipelines/service-contracts',
        { ...service, stages: [{ ...stage, stageId: 'has space' }] },
        'stages[0].stageId',
      ],
      ['put', '/pipelines/service-contracts', { ...service, name: '' }, 'name'],
      ['put', '/pipelines/service-contracts', { stages: service.stages }, 'name'],
      ['put', '/pipelines/bad%20id', service, 'pipelineId'],
      ['put', `/pipelines/${'p'.repeat(61)}`, service, 'pipelineId'],
      ['put', '/opportunity-reasons', { wonReasons: ['a', 'a'], lossReasons: ['price'] }, 'wonReasons[1]'],
      ['put', '/opportunity-reasons', { wonReasons: [], lossReasons: [] }, 'lossReasons'],
      ['put', '/opportunity-reasons', { wonReasons: [''], lossReasons: ['price'] }, 'wonReasons'],
      ['put', '/opportunity-reasons', { lossReasons: ['price'] }, 'wonReasons'],
    ];
    const before = await events();
    for (const [, path, body, field] of cases) {
      const response = await http().put(path).set(manager).send(body);
      expect({
        path,
        field,
        status: response.status,
        type: response.headers['content-type'] as string,
        fields: (response.body.errors as Array<{ field: string }> | undefined)?.map((error) => error.field),
      }).toEqual({
        path,
        field,
        status: 400,
        type: expect.stringMatching(/application\/problem\+json/) as unknown,
        fields: expect.arrayContaining([field]) as unknown,
      });
    }
    expect(await events()).toBe(before);
  });

  it('lets division managers, sales directors and admins define; reps, team leads and analysts read only', async () => {
    for (const [user, role] of [
      ['rep-1', 'rep'],
      ['lead-1', 'team-lead'],
      ['analyst-1', 'analyst'],
    ] as const) {
      const caller = asUser(user, role, 'north');
      expect((await http().get('/pipelines').set(caller)).status).toBe(200);
      expect((await http().put('/pipelines/service-contracts').set(caller).send(service)).status).toBe(403);
      expect(
        (
          await http()
            .put('/opportunity-reasons')
            .set(caller)
            .send({ wonReasons: [], lossReasons: ['price'] })
        ).status,
      ).toBe(403);
    }
    for (const [user, role] of [
      ['director-1', 'sales-director'],
      ['admin-1', 'admin'],
    ] as const) {
      const caller = { ...asUser(user, role, 'north'), 'X-Division-Id': 'north' };
      const defined = await http().put('/pipelines/service-contracts').set(caller).send(service);
      expect({ role, status: defined.status, body: defined.body as unknown }).toMatchObject({ role, status: 200 });
    }
  });
});
