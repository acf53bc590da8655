import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser, testAuth } from '@salesos/auth/testing';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import { channelsViewsCaughtUp, createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';
import type { RecordPlanActual } from '../domain/plan.commands';
import { planDecider } from '../domain/plan.decider';

jest.setTimeout(60_000);

const manager = asUser('manager-7', 'division-manager', 'north');
const director = { ...asUser('director-1', 'sales-director', 'north'), 'X-Division-Id': 'north' };
const admin = { ...asUser('admin-1', 'admin', 'north'), 'X-Division-Id': 'north' };
const teamLead = asUser('lead-1', 'team-lead', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const analyst = asUser('analyst-1', 'analyst', 'north');
const southManager = asUser('manager-s', 'division-manager', 'south');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const otherDealerUser = asUser('dealer-user-2', 'dealer', 'north', { dealerId: 'dealer-2' });
const planPath = '/dealers/dealer-1/plans/2026-Q3';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const plan = (presses = 80_000, reason = 'Q3 plan agreed at the dealer review') => ({
  value: eur(presses + 20_000),
  units: 12,
  productMix: [
    { productGroup: 'presses', value: eur(presses), units: 2 },
    { productGroup: 'tooling', value: eur(20_000), units: 10 },
  ],
  reason,
});

describe('plans API: dealer sales plans per period, revised with history and measured against deals won', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store });
    await app.init();
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2', channelId: 'distributors', userIds: ['dealer-user-2'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-s', divisionId: 'south' });
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 100_000 })).events.length;
  const setPlan = (path = planPath, body: object = plan()) => http().put(path).set(manager).send(body).expect(200);
  /** A deal won through the dealer, recorded against its plan as the leads service's won deals will be. */
  const won = async (dealerId: string, period: string, actual: RecordPlanActual['data']) => {
    await new CommandHandler(store, planDecider).handle(`plan-${dealerId}-${period}`, {
      type: 'RecordPlanActual',
      data: actual,
      metadata: { commandId: `won:${actual.opportunityId}`, now: '2026-08-01T10:00:00.000Z', divisionId: 'north' },
    });
    await channelsViewsCaughtUp(app, 10_000);
  };
  const deal = (opportunityId: string, productGroup: string, amount: number, units: number) => ({
    opportunityId,
    productGroup,
    value: eur(amount),
    units,
    wonAt: '2026-07-20T10:00:00.000Z',
  });

  describe('PUT /dealers/:dealerId/plans/:period', () => {
    it('sets the first revision, with an ETag, and answers the plan against what was won', async () => {
      const set = await http().put(planPath).set(manager).set('If-Match', '"0"').send(plan());
      expect(set.status).toBe(200);
      expect(set.headers.etag).toBe('"1"');
      expect(set.body).toMatchObject({
        dealerId: 'dealer-1',
        divisionId: 'north',
        period: '2026-Q3',
        revision: 1,
        total: { planValue: eur(100_000), actualValue: eur(0), valueAttainment: 0, planUnits: 12, actualUnits: 0 },
        productGroups: [
          expect.objectContaining({ productGroup: 'presses', planValue: eur(80_000) }),
          expect.objectContaining({ productGroup: 'tooling', planValue: eur(20_000) }),
        ],
        revisions: [expect.objectContaining({ revision: 1, setBy: 'manager-7' })],
        version: 1,
      });
    });

    it('keeps every revision with who set it and why: a plan revised twice shows three revisions', async () => {
      await setPlan();
      await http()
        .put(planPath)
        .set(director)
        .set('If-Match', '"1"')
        .send(plan(90_000, 'Bigger press order'))
        .expect(200);
      const third = await http().put(planPath).set(admin).send(plan(70_000, 'Order moved to Q4'));
      expect(third.status).toBe(200);
      expect(third.headers.etag).toBe('"3"');
      expect(third.body.revision).toBe(3);
      expect(third.body.total.planValue).toEqual(eur(90_000));
      expect(third.body.revisions).toEqual([
        expect.objectContaining({ revision: 1, setBy: 'manager-7', reason: 'Q3 plan agreed at the dealer review' }),
        expect.objectContaining({
          revision: 2,
          setBy: 'director-1',
          reason: 'Bigger press order',
          value: eur(110_000),
        }),
        expect.objectContaining({ revision: 3, setBy: 'admin-1', reason: 'Order moved to Q4', value: eur(90_000) }),
      ]);
      const read = await http().get(planPath).set(analyst).expect(200);
      expect(read.body.revisions).toHaveLength(3);
    });

    it('does nothing when the plan is set as it is', async () => {
      await setPlan();
      const before = await events();
      const again = await http().put(planPath).set(manager).send(plan(80_000, 'again'));
      expect(again.status).toBe(200);
      expect(again.body.revision).toBe(1);
      expect(await events()).toBe(before);
    });

    it('refuses a plan for a terminated dealer, naming its state and writing nothing', async () => {
      await http()
        .post('/dealers/dealer-1/termination')
        .set(manager)
        .send({ reason: 'Left the market', effectiveDay: '2026-06-30' })
        .expect(200);
      const before = await events();
      const refused = await http().put(planPath).set(manager).send(plan());
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'DEALER_INVALID_TRANSITION', status: 409 });
      expect(refused.body.detail).toContain('dealer-1 is terminated');
      expect(await events()).toBe(before);
    });

    it('refuses a stale If-Match with 412 and writes nothing', async () => {
      await setPlan();
      const before = await events();
      const stale = await http().put(planPath).set(manager).set('If-Match', '"0"').send(plan(90_000));
      expect(stale.status).toBe(412);
      expect(await events()).toBe(before);
      expect((await http().get(planPath).set(manager)).body.revision).toBe(1);
    });

    const bad = (changes: object) => ({ ...plan(), ...changes });
    const line = (changes: object) => ({ productMix: [{ ...plan().productMix[0], ...changes }, plan().productMix[1]] });
    it.each([
      ['value', bad({ value: 10 })],
      ['value.amount', bad({ value: eur(-1) })],
      ['value.amount', bad({ value: eur(1.001) })],
      ['value.currency', bad({ value: { amount: 100_000, currency: 'euro' } })],
      ['units', bad({ units: 1.5 })],
      ['units', bad({ units: -1 })],
      ['units', bad({ units: '12' })],
      ['productMix', bad({ productMix: 'presses' })],
      ['productMix[0].productGroup', bad(line({ productGroup: 'no spaces' }))],
      ['productMix[0].value.amount', bad(line({ value: eur(-5) }))],
      ['productMix[0].value.currency', bad(line({ value: { amount: 80_000, currency: 'eu' } }))],
      ['productMix[0].units', bad(line({ units: 0.5 }))],
      ['reason', bad({ reason: '' })],
      ['reason', { value: eur(100_000), units: 12, productMix: plan().productMix }],
      ['colour', bad({ colour: 'red' })],
    ])('refuses a request with a bad %s, naming it, and writes nothing', async (field, body) => {
      const before = await events();
      const refused = await http().put(planPath).set(manager).send(body);
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await events()).toBe(before);
    });

    it.each([
      ['value', bad({ value: eur(99_000) })],
      ['units', bad({ units: 13 })],
      ['productMix[1].productGroup', bad({ productMix: [plan().productMix[0], plan().productMix[0]] })],
      [
        'productMix[1].value.currency',
        bad({
          productMix: [plan().productMix[0], { ...plan().productMix[1], value: { amount: 20_000, currency: 'USD' } }],
        }),
      ],
    ])('refuses a plan that does not add up, naming %s', async (field, body) => {
      const before = await events();
      const refused = await http().put(planPath).set(manager).send(body);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'PLAN_INVALID_INPUT', errors: [expect.objectContaining({ field })] });
      expect(await events()).toBe(before);
    });

    it('refuses a revision in another currency than the plan’s, naming value.currency', async () => {
      await setPlan();
      const usd = { amount: 100, currency: 'USD' };
      const refused = await http()
        .put(planPath)
        .set(manager)
        .send({ value: usd, units: 1, productMix: [{ productGroup: 'presses', value: usd, units: 1 }], reason: 'x' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'value.currency' })]);
    });

    it.each([
      ['dealerId', '/dealers/no%20spaces/plans/2026-Q3'],
      ['period', '/dealers/dealer-1/plans/2026-Q5'],
      ['period', '/dealers/dealer-1/plans/2026-W12'],
      ['dealerId', '/dealers/dealer-9/plans/2026-Q3'],
      ['dealerId', '/dealers/dealer-s/plans/2026-Q3'],
    ])('refuses a bad or unknown %s in the path (%s), writing nothing', async (field, path) => {
      const before = await events();
      const refused = await http().put(path).set(manager).send(plan());
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
      expect(await events()).toBe(before);
    });

    it('lets only setup roles set plans: team leads, reps, analysts and dealer users are refused with 403', async () => {
      const before = await events();
      for (const caller of [teamLead, rep, analyst, dealerUser]) {
        expect((await http().put(planPath).set(caller).send(plan())).status).toBe(403);
      }
      expect(await events()).toBe(before);
      const read = await http().get(planPath).set(manager);
      expect(read.status).toBe(404);
    });
  });

  describe('GET /dealers/:dealerId/plans/:period', () => {
    it('answers the plan against the deals won, in total and per product group, with an ETag', async () => {
      await setPlan();
      await won('dealer-1', '2026-Q3', deal('opp-1', 'presses', 40_000, 1));
      await won('dealer-1', '2026-Q3', deal('opp-2', 'service', 1_000, 0));
      const read = await http().get(planPath).set(rep);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"3"');
      expect(read.body.total).toEqual({
        planValue: eur(100_000),
        actualValue: eur(41_000),
        valueAttainment: 0.41,
        planUnits: 12,
        actualUnits: 1,
        unitAttainment: 1 / 12,
      });
      expect(read.body.productGroups).toEqual([
        expect.objectContaining({ productGroup: 'presses', actualValue: eur(40_000), valueAttainment: 0.5 }),
        expect.objectContaining({ productGroup: 'tooling', actualValue: eur(0), valueAttainment: 0 }),
        expect.objectContaining({ productGroup: 'service', planValue: eur(0), valueAttainment: null }),
      ]);
      expect(read.body.version).toBe(3);
    });

    it('lets every organisation role and the dealer’s own users read it', async () => {
      await setPlan();
      for (const caller of [admin, director, manager, teamLead, rep, analyst, dealerUser]) {
        const read = await http().get(planPath).set(caller);
        expect(read.status).toBe(200);
        expect(read.headers.etag).toBe('"1"');
      }
    });

    it('reads another dealer’s plan, another division’s and one never set as not found', async () => {
      await setPlan();
      expect((await http().get(planPath).set(otherDealerUser)).status).toBe(404);
      expect((await http().get(planPath).set(southManager)).status).toBe(404);
      const missing = await http().get('/dealers/dealer-1/plans/2026-Q4').set(manager);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('PLAN_NOT_FOUND');
    });

    it.each([
      ['dealerId', '/dealers/no%20spaces/plans/2026-Q3'],
      ['period', '/dealers/dealer-1/plans/Q3-2026'],
    ])('refuses a bad %s in the path', async (field, path) => {
      const refused = await http().get(path).set(manager);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    });
  });

  describe('GET /plans and GET /plans/export', () => {
    beforeEach(async () => {
      await setPlan();
      await setPlan('/dealers/dealer-1/plans/2026-Q4', plan(30_000));
      await setPlan('/dealers/dealer-2/plans/2026-Q3', plan(0));
      await won('dealer-1', '2026-Q3', deal('opp-1', 'presses', 25_000.5, 3));
    });

    it('lists the plans with attainment, sorted by dealer then period, filtered and paged', async () => {
      const all = await http().get('/plans').set(analyst);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
      expect(
        all.body.items.map((item: { dealerId: string; period: string }) => `${item.dealerId}/${item.period}`),
      ).toEqual(['dealer-1/2026-Q3', 'dealer-1/2026-Q4', 'dealer-2/2026-Q3']);
      expect(all.body.items[0]).toEqual({
        dealerId: 'dealer-1',
        companyName: 'dealer-1 Handels GmbH',
        channelId: 'dealers',
        period: '2026-Q3',
        revision: 1,
        planValue: eur(100_000),
        actualValue: eur(25_000.5),
        valueAttainment: 0.250005,
        planUnits: 12,
        actualUnits: 3,
        unitAttainment: 0.25,
        version: 2,
      });
      const q3 = await http().get('/plans?period=2026-Q3').set(analyst);
      expect(q3.body.total).toBe(2);
      const ofDealer = await http().get('/plans?dealerId=dealer-1').set(analyst);
      expect(ofDealer.body.items.map((item: { period: string }) => item.period)).toEqual(['2026-Q3', '2026-Q4']);
      const distributors = await http().get('/plans?channelId=distributors').set(analyst);
      expect(distributors.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['dealer-2']);
      const second = await http().get('/plans?pageSize=2&page=2').set(analyst);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(second.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['dealer-2']);
    });

    it('shows a dealer’s users only their own dealer’s plans, and another division nothing', async () => {
      const own = await http().get('/plans').set(dealerUser);
      expect(own.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['dealer-1', 'dealer-1']);
      expect((await http().get('/plans?dealerId=dealer-2').set(dealerUser)).body).toMatchObject({
        items: [],
        total: 0,
      });
      expect((await http().get('/plans').set(southManager)).body).toMatchObject({ items: [], total: 0 });
      const exported = await http().get('/plans/export').set(dealerUser);
      expect(exported.text).toContain('dealer-1');
      expect(exported.text).not.toContain('dealer-2');
      expect((await http().get('/plans/export').set(southManager)).text.split('\r\n')).toHaveLength(2);
    });

    it('exports the plans in reach of a period as CSV: dealer, period, plan and actual value, attainment, units', async () => {
      const exported = await http().get('/plans/export?period=2026-Q3').set(rep);
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toContain('text/csv');
      expect(exported.headers['content-disposition']).toContain('plans.csv');
      expect(exported.text.split('\r\n')).toEqual([
        'dealer_id,company_name,period,revision,currency,plan_value,actual_value,value_attainment,plan_units,actual_units,unit_attainment',
        'dealer-1,dealer-1 Handels GmbH,2026-Q3,1,EUR,100000.00,25000.50,0.2500,12,3,0.2500',
        'dealer-2,dealer-2 Handels GmbH,2026-Q3,1,EUR,20000.00,0.00,0.0000,12,0,0.0000',
        '',
      ]);
      const all = await http().get('/plans/export').set(rep);
      expect(all.text.split('\r\n')).toHaveLength(5);
    });

    it('lets the organisation and dealer users list and export', async () => {
      for (const caller of [admin, director, manager, teamLead, rep, analyst, dealerUser]) {
        expect((await http().get('/plans').set(caller)).status).toBe(200);
        expect((await http().get('/plans/export').set(caller)).status).toBe(200);
      }
      expect((await http().get('/plans')).status).toBe(401);
    });

    it.each([
      ['/plans?period=2026-Q5', 'period'],
      ['/plans?dealerId=no%20spaces', 'dealerId'],
      ['/plans?channelId=no%20spaces', 'channelId'],
      ['/plans?page=0', 'page'],
      ['/plans?pageSize=201', 'pageSize'],
      ['/plans?colour=red', 'colour'],
      ['/plans/export?period=26', 'period'],
      ['/plans/export?page=2', 'page'],
      ['/plans/export?dealerId=dealer-1', 'dealerId'],
    ])('refuses %s naming %s', async (path, field) => {
      const refused = await http().get(path).set(analyst);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
});
