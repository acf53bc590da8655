import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../../leads-app';
import { recordTestDealers, recordTestDivisions } from '../../testing';
import { CsvRowReader } from '@salesos/http';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');
const deal = (accountName: string, overrides: object = {}) => ({
  accountName,
  pipelineId: 'new-business',
  amount: { amount: 50000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  products: [{ productId: 'press-200', quantity: 2 }],
  channel: { kind: 'direct' },
  ...overrides,
});

describe('opportunity queries', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore({ pollIntervalMs: 5 });
    app = await createLeadsApp({ auth: testAuth.verifier, store, logger: silentLogger });
    await app.init();
    await recordTestDivisions(app);
    await recordTestDealers(app);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const open = async (body: object, division = headers) => {
    const response = await http().post('/opportunities').set(division).send(body);
    expect(response.status).toBe(201);
    return response.body.opportunityId as string;
  };
  const names = (body: { items: Array<{ accountName: string }> }) => body.items.map((item) => item.accountName);

  describe('GET /opportunities', () => {
    it('filters the caller’s division by status, pipeline, stage, owner, channel and close date, and pages', async () => {
      const acme = await open(deal('Acme', { ownerRepId: 'rep-1', expectedCloseDate: '2026-04-15' }));
      await open(deal('Bolt', { channel: { kind: 'dealer', dealerId: 'dealer-9' }, expectedCloseDate: '2026-05-01' }));
      const lost = await open(deal('Cogs', { pipelineId: 'upsell', expectedCloseDate: '2026-09-30' }));
      await open(deal('South Co'), asUser('manager-7', 'division-manager', 'south'));
      await http().put(`/opportunities/${acme}/stage`).set(headers).send({ stageId: 'proposal' });
      await http().post(`/opportunities/${lost}/loss`).set(headers).send({ reason: 'price' });

      const all = await http().get('/opportunities').set(headers);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
      expect(names(all.body)).toEqual(['Acme', 'Bolt', 'Cogs']);
      expect(all.body.items[0]).toMatchObject({ stageId: 'proposal', ownerRepId: 'rep-1', version: 2 });
      expect(all.body.items[2]).toMatchObject({ status: 'lost', lossReason: 'price', probability: 0 });

      const query = async (search: string) => names((await http().get(`/opportunities?${search}`).set(headers)).body);
      expect(await query('status=open')).toEqual(['Acme', 'Bolt']);
      expect(await query('pipelineId=upsell')).toEqual(['Cogs']);
      expect(await query('stageId=proposal')).toEqual(['Acme']);
      expect(await query('ownerRepId=rep-1')).toEqual(['Acme']);
      expect(await query('channel=dealer')).toEqual(['Bolt']);
      expect(await query('dealerId=dealer-9')).toEqual(['Bolt']);
      expect(await query('closingFrom=2026-04-16&closingTo=2026-09-30')).toEqual(['Bolt', 'Cogs']);
      const second = await http().get('/opportunities?page=2&pageSize=2').set(headers);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(names(second.body)).toEqual(['Cogs']);
    });

    it.each([
      ['status=pending', 'status'],
      ['channel=partner', 'channel'],
      ['closingFrom=01.04.2026', 'closingFrom'],
      ['closingTo=2026-13-45', 'closingTo'],
      ['ownerRepId=rep one', 'ownerRepId'],
      ['pipelineId=' + 'p'.repeat(61), 'pipelineId'],
      ['pageSize=500', 'pageSize'],
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['sort=amount', 'sort'],
    ])('refuses %s naming %s', async (search, field) => {
      const response = await http().get(`/opportunities?${search}`).set(headers);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('shows opportunities that were written before the service started', async () => {
      await open(deal('Acme'));
      await app.close();
      app = await createLeadsApp({ auth: testAuth.verifier, store, logger: silentLogger });
      await app.init();
      await recordTestDivisions(app);
      await recordTestDealers(app);
      await recordTestDealers(app);
      expect(names((await http().get('/opportunities').set(headers)).body)).toEqual(['Acme']);
    });
  });

  describe('GET /opportunities/export', () => {
    it('exports the division’s opportunities by filter as CSV', async () => {
      const won = await open(deal('=Acme', { channel: { kind: 'dealer', dealerId: 'dealer-9' }, ownerRepId: 'rep-1' }));
      await open(deal('Bolt, Inc.'));
      await open(deal('South Co'), asUser('manager-7', 'division-manager', 'south'));
      await http()
        .post(`/opportunities/${won}/win`)
        .set(headers)
        .send({ amount: { amount: 48000, currency: 'EUR' } });
      const response = await http().get('/opportunities/export').set(headers);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/csv/);
      expect(response.headers['content-disposition']).toBe('attachment; filename="opportunities.csv"');
      const reader = new CsvRowReader();
      const rows = [...reader.push(response.text), ...reader.end()];
      expect(rows[0]?.slice(0, 4)).toEqual(['opportunity_id', 'status', 'account_name', 'pipeline_id']);
      expect(rows).toHaveLength(3);
      const acme = rows.find((row) => row[0] === won) as string[];
      expect(acme.slice(1, 3)).toEqual(['won', "'=Acme"]);
      expect(acme.slice(5, 14)).toEqual([
        '1',
        '48000',
        'EUR',
        '2026-06-30',
        'dealer',
        'dealer-9',
        'rep-1',
        '',
        'press-200x2',
      ]);
      const open_ = await http().get('/opportunities/export?status=open').set(headers);
      expect(open_.text.split('\r\n').filter((line) => line.length > 0)).toHaveLength(2);
      expect((await http().get('/opportunities/export?status=closed').set(headers)).status).toBe(400);
    });
  });

  describe('GET /opportunities/:id?asKnownAt=', () => {
    it('answers what the system believed at a moment, whatever business time the later revisions carry', async () => {
      const id = await open(deal('Acme'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const firstOfMarch = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await http()
        .post(`/opportunities/${id}/forecast`)
        .set(headers)
        .send({ amount: { amount: 80000, currency: 'EUR' }, effectiveAt: firstOfMarch });

      const now = await http().get(`/opportunities/${id}`).set(headers);
      expect(now.body).toMatchObject({ amount: { amount: 80000 }, version: 2 });
      const then = await http().get(`/opportunities/${id}?asKnownAt=${firstOfMarch}`).set(headers);
      expect(then.status).toBe(200);
      expect(then.body).toMatchObject({ accountName: 'Acme', amount: { amount: 50000 }, version: 1 });
      expect(then.headers.etag).toBe('"1"');
      const before = await http().get(`/opportunities/${id}?asKnownAt=2020-01-01T00:00:00Z`).set(headers);
      expect(before.status).toBe(404);
      const invalid = await http().get(`/opportunities/${id}?asKnownAt=yesterday`).set(headers);
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual(['asKnownAt']);
    });
  });
});
