import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { createLeadsApp } from '../../leads-app';
import { recordTestDealers, recordTestDivisions } from '../../testing';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');
const deal = () => ({
  accountName: 'Acme',
  pipelineId: 'new-business',
  amount: { amount: 50000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  products: [{ productId: 'press-200', quantity: 2 }],
  channel: { kind: 'direct' },
});

describe('opportunities API', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createLeadsApp({ auth: testAuth.verifier, store });
    await app.init();
    await recordTestDivisions(app);
    await recordTestDealers(app);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const open = async (body: object = deal()) => http().post('/opportunities').set(headers).send(body);

  it('lists the division’s pipelines and loss reasons', async () => {
    const response = await http().get('/pipelines').set(headers);
    expect(response.status).toBe(200);
    expect(response.body.pipelines.map((pipeline: { pipelineId: string }) => pipeline.pipelineId)).toEqual([
      'new-business',
      'upsell',
      'dealer-sourced',
    ]);
    expect(response.body.lossReasons).toContain('price');
  });

  it('opens an opportunity and runs it through stages, forecast, products, channel, loss and reopen', async () => {
    const opened = await open();
    expect(opened.status).toBe(201);
    expect(opened.headers.etag).toBe('"1"');
    // After the opening and before the revision is sent: a business time the revision may carry.
    const sinceOpening = new Date().toISOString();
    const path = `/opportunities/${opened.body.opportunityId}`;
    expect(
      (await http().put(`${path}/stage`).set(headers).set('If-Match', '"1"').send({ stageId: 'proposal' })).body,
    ).toMatchObject({ version: 2 });
    expect((await http().put(`${path}/stage`).set(headers).send({ stageId: 'qualification' })).body).toMatchObject({
      version: 3,
    });
    const revised = await http()
      .post(`${path}/forecast`)
      .set(headers)
      .send({ amount: { amount: 65000, currency: 'EUR' }, effectiveAt: sinceOpening });
    expect(revised.body).toMatchObject({ version: 4 });
    expect(
      (
        await http()
          .put(`${path}/products`)
          .set(headers)
          .send({ products: [{ productId: 'press-200', quantity: 3 }] })
      ).body,
    ).toMatchObject({ version: 5 });
    expect(
      (await http().put(`${path}/channel`).set(headers).send({ kind: 'dealer', dealerId: 'dealer-9' })).body,
    ).toMatchObject({ version: 6 });
    expect((await http().post(`${path}/loss`).set(headers).send({ reason: 'price' })).body).toMatchObject({
      status: 'lost',
      version: 7,
    });
    expect((await http().post(`${path}/reopen`).set(headers).send({ stageId: 'negotiation' })).body).toMatchObject({
      status: 'open',
      version: 8,
    });
    expect(
      (
        await http()
          .post(`${path}/win`)
          .set(headers)
          .send({ amount: { amount: 60000, currency: 'EUR' } })
      ).body,
    ).toMatchObject({ status: 'won', version: 9 });
    const read = await http().get(path).set(headers);
    expect(read.body).toMatchObject({
      status: 'won',
      stageId: 'negotiation',
      amount: { amount: 60000, currency: 'EUR' },
      channel: { kind: 'dealer', dealerId: 'dealer-9' },
    });
    const stages = (await store.readStream(`opportunity-${opened.body.opportunityId}`)).filter(
      (event) => event.type === 'OpportunityStageChanged',
    );
    expect(stages.map((event) => (event.data as { direction: string }).direction)).toEqual(['forward', 'backward']);
    const forecast = (await store.readStream(`opportunity-${opened.body.opportunityId}`)).find(
      (event) => event.type === 'OpportunityForecastRevised',
    );
    expect(forecast?.data).toMatchObject({
      effectiveAt: sinceOpening,
      previousAmount: { amount: 50000, currency: 'EUR' },
    });
  });

  it('refuses a forecast revision dated before the deal opened or in the future, naming effectiveAt, storing nothing', async () => {
    const opened = await open();
    const path = `/opportunities/${opened.body.opportunityId}`;
    const before = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 60 * 60_000).toISOString();
    for (const effectiveAt of [before, future, '2026-01-01T00:00:00+01:00']) {
      const refused = await http()
        .post(`${path}/forecast`)
        .set(headers)
        .send({ amount: { amount: 65000, currency: 'EUR' }, effectiveAt });
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'OPPORTUNITY_EFFECTIVE_OUTSIDE_DEAL' });
      expect(refused.body.errors).toEqual([
        { field: 'effectiveAt', message: expect.stringContaining("between the deal's opening") },
      ]);
    }
    expect(await store.readStream(`opportunity-${opened.body.opportunityId}`)).toHaveLength(1);
  });

  it('converts a qualified lead into an opportunity, and refuses a lead that is not qualified, writing nothing', async () => {
    const lead = await http()
      .post('/leads')
      .set(headers)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } });
    const refused = await http().post(`/leads/${lead.body.leadId}/conversion`).set(headers).send(deal());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LEAD_INVALID_TRANSITION');
    expect(
      (await store.readAll()).events.filter((event) => event.metadata.streamId.startsWith('opportunity-')),
    ).toEqual([]);

    await http().post(`/leads/${lead.body.leadId}/qualification`).set(headers).send({});
    const converted = await http()
      .post(`/leads/${lead.body.leadId}/conversion`)
      .set(headers)
      .set('Idempotency-Key', 'convert-1')
      .send(deal());
    expect(converted.status).toBe(201);
    const again = await http()
      .post(`/leads/${lead.body.leadId}/conversion`)
      .set(headers)
      .set('Idempotency-Key', 'convert-1')
      .send(deal());
    expect(again.body).toEqual(converted.body);
    expect((await http().get(`/leads/${lead.body.leadId}`).set(headers)).body.status).toBe('converted');
    expect((await http().get(`/opportunities/${converted.body.opportunityId}`).set(headers)).body).toMatchObject({
      status: 'open',
      stageId: 'prospecting',
    });
  });

  it('answers 412 to the second of two moves with the same If-Match', async () => {
    const { body } = await open();
    const path = `/opportunities/${body.opportunityId}/stage`;
    const [a, b] = await Promise.all([
      http().put(path).set(headers).set('If-Match', '"1"').send({ stageId: 'proposal' }),
      http().put(path).set(headers).set('If-Match', '"1"').send({ stageId: 'commit' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
  });

  it('refuses invalid input naming the field, and broken rules with 409', async () => {
    const cases: Array<[object, string]> = [
      [{ ...deal(), pipelineId: 'enterprise' }, 'pipelineId'],
      [{ ...deal(), stageId: 'closing' }, 'stageId'],
      [{ ...deal(), expectedCloseDate: 'June' }, 'expectedCloseDate'],
      [{ ...deal(), products: [{ productId: 'x', quantity: 0 }] }, 'products[0].quantity'],
      [{ ...deal(), products: [{ productId: 'x', quantity: 1.5 }] }, 'products[0].quantity'],
      [{ ...deal(), channel: { kind: 'dealer' } }, 'channel.dealerId'],
      [{ ...deal(), channel: { kind: 'partner' } }, 'channel.kind'],
      [{ ...deal(), amount: { amount: 5 } }, 'amount.currency'],
      [{ ...deal(), accountName: 'x'.repeat(201) }, 'accountName'],
      [{ ...deal(), probability: 0.9 }, 'probability'],
    ];
    for (const [body, field] of cases) {
      const response = await open(body);
      expect({
        field,
        status: response.status,
        fields: response.body.errors?.map((error: { field: string }) => error.field),
      }).toEqual({
        field,
        status: 400,
        fields: expect.arrayContaining([field]) as unknown,
      });
    }
    const { body } = await open();
    const path = `/opportunities/${body.opportunityId}`;
    const badStage = await http().put(`${path}/stage`).set(headers).send({ stageId: 'won' });
    expect(badStage.status).toBe(400);
    expect(badStage.body.errors).toEqual([
      {
        field: 'stageId',
        message:
          "Pipeline 'new-business' has no stage 'won'; its stages are prospecting, qualification, proposal, negotiation, commit",
      },
    ]);
    const badReason = await http().post(`${path}/loss`).set(headers).send({ reason: 'bad luck' });
    expect(badReason.status).toBe(400);
    expect(badReason.body.errors[0].field).toBe('reason');
    expect((await http().post(`${path}/reopen`).set(headers).send({})).body.code).toBe('OPPORTUNITY_NOT_CLOSED');
    await http().post(`${path}/win`).set(headers).send({});
    const closed = await http()
      .post(`${path}/forecast`)
      .set(headers)
      .send({ amount: { amount: 1, currency: 'EUR' } });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('OPPORTUNITY_CLOSED');
    expect((await http().get('/opportunities/7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11').set(headers)).status).toBe(404);
    expect(
      (
        await http()
          .get(path)
          .set(asUser('manager-7', 'division-manager', 'south'))
      ).status,
    ).toBe(404);
    expect(
      (await http().put(`/opportunities/not-a-uuid/stage`).set(headers).send({ stageId: 'proposal' })).body.errors,
    ).toEqual([{ field: 'opportunityId', message: 'must be a UUID' }]);
  });
});
