import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';
import { LeadsEventsConsumer } from '../messaging/leads-events.consumer';
import { accepted, conflicted } from '../messaging/leads-events.fixture';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-05-10T12:00:00.000Z');
  }
}

const manager = asUser('manager-7', 'division-manager', 'north');
const director = { ...asUser('director-1', 'sales-director', 'north'), 'X-Division-Id': 'north' };
const rep = asUser('rep-1', 'rep', 'north');
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const otherDealerUser = asUser('dealer-user-2', 'dealer', 'north', { dealerId: 'dealer-2' });
const southManager = asUser('manager-9', 'division-manager', 'south');
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('registrations API: deal registrations of the division’s dealers', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store, clock: new FixedClock() });
    await app.listen(0);
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2', userIds: ['dealer-user-2'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-3', reach: 'suspended' });
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 100_000 })).events.length;
  const submit = (registrationId: string, headers = dealerUser, changes: Record<string, unknown> = {}) =>
    http()
      .post('/registrations')
      .set(headers)
      .send({ registrationId, companyName: `Company of ${registrationId}`, ...changes });

  it('takes a dealer user’s registration for their own dealer, which the organisation and the dealer read', async () => {
    const submitted = await submit('reg-1', dealerUser, {
      companyName: 'Brandt Maschinenbau AG',
      contactEmail: 'einkauf@brandt.example',
      productGroup: 'presses',
      estimatedValue: eur(120_000),
    });
    expect(submitted.status).toBe(201);
    expect(submitted.headers.location).toBe('/registrations/reg-1');
    expect(submitted.headers.etag).toBe('"1"');
    expect(submitted.body).toMatchObject({
      registrationId: 'reg-1',
      dealerId: 'dealer-1',
      divisionId: 'north',
      status: 'submitted',
      companyName: 'Brandt Maschinenbau AG',
      contactEmail: 'einkauf@brandt.example',
      productGroup: 'presses',
      estimatedValue: eur(120_000),
      submittedBy: 'dealer-user-1',
      submittedAt: '2026-05-10T12:00:00.000Z',
      version: 1,
    });
    expect(submitted.body.lapseDueAt).toBeUndefined();
    for (const reader of [dealerUser, manager, rep, analyst]) {
      const read = await http().get('/registrations/reg-1').set(reader);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ registrationId: 'reg-1', status: 'submitted', version: 1 });
    }
  });

  it('shows the leads service’s answer, and when an accepted registration lapses', async () => {
    await submit('reg-1').expect(201);
    await submit('reg-2').expect(201);
    const consumer = app.get(LeadsEventsConsumer);
    await consumer.onAccepted(accepted('reg-1', '2026-05-10T11:00:00.000Z'));
    await consumer.onConflicted(conflicted('reg-2'));
    const read = await http().get('/registrations/reg-1').set(dealerUser).expect(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.body).toMatchObject({
      status: 'accepted',
      answer: { answer: 'accepted', decidedAt: '2026-05-10T11:00:00.000Z' },
      lapseDueAt: '2026-08-08T11:00:00.000Z',
    });
    const other = await http().get('/registrations/reg-2').set(manager).expect(200);
    expect(other.body).toMatchObject({
      status: 'conflicted',
      answer: { answer: 'conflicted', conflictingLeadIds: ['lead-1'] },
    });
    expect(other.body.lapseDueAt).toBeUndefined();
  });

  it('lets division setup roles register on a dealer’s behalf, naming the dealer', async () => {
    for (const [id, headers] of [
      ['reg-m', manager],
      ['reg-d', director],
    ] as const) {
      const response = await submit(id, headers, { dealerId: 'dealer-2' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        dealerId: 'dealer-2',
        submittedBy: headers === manager ? 'manager-7' : 'director-1',
      });
    }
    const unnamed = await submit('reg-x', manager);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
  });

  it('gives a registration an id of the server’s, the same for a repeated Idempotency-Key', async () => {
    const first = await http()
      .post('/registrations')
      .set(dealerUser)
      .set('Idempotency-Key', 'key-1')
      .send({ companyName: 'Keller GmbH' });
    expect(first.status).toBe(201);
    const again = await http()
      .post('/registrations')
      .set(dealerUser)
      .set('Idempotency-Key', 'key-1')
      .send({ companyName: 'Keller GmbH' });
    expect(again.body.registrationId).toBe(first.body.registrationId);
    const plain = await http().post('/registrations').set(dealerUser).send({ companyName: 'Keller GmbH' });
    expect(plain.status).toBe(201);
    expect(plain.body.registrationId).not.toBe(first.body.registrationId);
  });

  it('refuses a dealer that is not active or not the division’s, writing nothing', async () => {
    const before = await events();
    const suspended = await submit('reg-1', manager, { dealerId: 'dealer-3' });
    expect(suspended.status).toBe(409);
    expect(suspended.body.detail).toMatch(/suspended/);
    const unknown = await submit('reg-1', manager, { dealerId: 'dealer-99' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
    expect(await events()).toBe(before);
  });

  it('refuses the same id with other details, and a stale If-Match with 412, writing nothing', async () => {
    await submit('reg-1').expect(201);
    const before = await events();
    const other = await submit('reg-1', dealerUser, { companyName: 'Someone else' });
    expect(other.status).toBe(409);
    const stale = await http()
      .post('/registrations')
      .set(dealerUser)
      .set('If-Match', '"0"')
      .send({ registrationId: 'reg-1', companyName: 'Company of reg-1' });
    expect(stale.status).toBe(412);
    const staleNew = await http()
      .post('/registrations')
      .set(dealerUser)
      .set('If-Match', '"3"')
      .send({ registrationId: 'reg-9', companyName: 'Nobody' });
    expect(staleNew.status).toBe(412);
    expect(await events()).toBe(before);
    expect((await http().get('/registrations/reg-9').set(manager)).status).toBe(404);
  });

  it.each([
    ['registrationId', { registrationId: 'not an id!' }],
    ['dealerId', { dealerId: 'dealer 1' }],
    ['companyName', { companyName: '' }],
    ['companyName', { companyName: 'x'.repeat(201) }],
    ['companyName', { companyName: 42 }],
    ['contactEmail', { contactEmail: 'no-email' }],
    ['productGroup', { productGroup: 'two words' }],
    ['estimatedValue', { estimatedValue: 'lots' }],
    ['estimatedValue.amount', { estimatedValue: { amount: 'lots', currency: 'EUR' } }],
    ['estimatedValue.currency', { estimatedValue: { amount: 10, currency: 'euro' } }],
    ['unexpected', { unexpected: true }],
  ])('refuses invalid input naming %s, writing nothing', async (field, changes) => {
    const before = await events();
    const response = await http()
      .post('/registrations')
      .set(dealerUser)
      .send({ registrationId: 'reg-1', companyName: 'Keller GmbH', ...changes });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(before);
  });

  it('refuses a missing company name, naming it', async () => {
    const response = await http().post('/registrations').set(dealerUser).send({});
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'companyName' })]));
  });

  it('lets only dealers’ users and division setup roles register (403 for the others)', async () => {
    for (const headers of [rep, analyst]) {
      expect((await submit('reg-1', headers, { dealerId: 'dealer-1' })).status).toBe(403);
    }
    expect(await events()).toBeGreaterThan(0);
    expect((await http().get('/registrations/reg-1').set(manager)).status).toBe(404);
  });

  it('confines a dealer’s users to their own dealer: another dealer’s registrations read as not found', async () => {
    await submit('reg-1').expect(201);
    await submit('reg-2', otherDealerUser).expect(201);
    expect((await http().get('/registrations/reg-1').set(otherDealerUser)).status).toBe(404);
    expect((await http().get('/registrations/reg-2').set(dealerUser)).status).toBe(404);
    expect((await http().get('/registrations/reg-1').set(southManager)).status).toBe(404);
    const before = await events();
    const forOther = await submit('reg-3', dealerUser, { dealerId: 'dealer-2' });
    expect(forOther.status).toBe(404);
    expect(await events()).toBe(before);
    const list = await http().get('/registrations').set(dealerUser).expect(200);
    expect(list.body.items.map((item: { registrationId: string }) => item.registrationId)).toEqual(['reg-1']);
    const otherFilter = await http().get('/registrations?dealerId=dealer-2').set(dealerUser).expect(200);
    expect(otherFilter.body).toMatchObject({ items: [], total: 0 });
  });

  it('lists the division’s registrations filtered by status and dealer, paged in a stable order', async () => {
    for (const id of ['reg-a', 'reg-b', 'reg-c']) await submit(id).expect(201);
    await submit('reg-d', otherDealerUser).expect(201);
    await app.get(LeadsEventsConsumer).onAccepted(accepted('reg-b', '2026-05-10T11:00:00.000Z'));
    const all = await http().get('/registrations').set(manager).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
    expect(all.body.items.map((item: { registrationId: string }) => item.registrationId)).toEqual([
      'reg-a',
      'reg-b',
      'reg-c',
      'reg-d',
    ]);
    const acceptedOnes = await http().get('/registrations?status=accepted').set(manager).expect(200);
    expect(acceptedOnes.body.items).toEqual([
      expect.objectContaining({ registrationId: 'reg-b', lapseDueAt: '2026-08-08T11:00:00.000Z', version: 2 }),
    ]);
    const ofDealer = await http().get('/registrations?dealerId=dealer-2').set(rep).expect(200);
    expect(ofDealer.body).toMatchObject({ total: 1, items: [expect.objectContaining({ registrationId: 'reg-d' })] });
    const second = await http().get('/registrations?page=2&pageSize=3').set(analyst).expect(200);
    expect(second.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(second.body.items.map((item: { registrationId: string }) => item.registrationId)).toEqual(['reg-d']);
  });

  it.each([
    ['status', 'status=pending'],
    ['dealerId', 'dealerId=two%20words'],
    ['page', 'page=0'],
    ['pageSize', 'pageSize=500'],
    ['sort', 'sort=companyName'],
  ])('refuses an invalid list query naming %s', async (field, query) => {
    const response = await http().get(`/registrations?${query}`).set(manager);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('checks the path id, naming registrationId, and answers 404 for an unknown one', async () => {
    const bad = await http().get('/registrations/not%20an%20id').set(manager);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'registrationId' })]);
    expect((await http().get('/registrations/reg-404').set(manager)).status).toBe(404);
  });
});
