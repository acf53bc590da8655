import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-03-10T12:00:00.000Z');
  }
}

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const otherDealerUser = asUser('dealer-user-2', 'dealer', 'north', { dealerId: 'dealer-2' });
const visit = {
  kind: 'visit',
  happenedAt: '2026-03-09',
  summary: 'Walked the showroom with the owner',
  outcome: 'Wants a demo press for the spring fair',
  followUpDue: '2026-03-20',
};

describe('communications API: the contact log with dealers', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store, clock: new FixedClock() });
    await app.init();
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2', userIds: ['dealer-user-2'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-3' });
    await recordTestDealer(app, store, { dealerId: 'applicant', reach: 'applied' });
    await recordTestDealer(app, store, { dealerId: 'dealer-south', divisionId: 'south' });
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 100_000 })).events.length;
  const log = async (dealerId: string, changes: object = {}, caller = rep) => {
    const response = await http()
      .post(`/dealers/${dealerId}/contacts`)
      .set(caller)
      .send({ ...visit, ...changes });
    expect(response.status).toBe(201);
    return response.body as { contactId: string; version: number };
  };

  it('logs a contact that the organisation and the dealer itself read, newest first and paged', async () => {
    const logged = await http().post('/dealers/dealer-1/contacts').set(rep).send(visit);
    expect(logged.status).toBe(201);
    expect(logged.headers.etag).toBe('"1"');
    expect(logged.body).toMatchObject({ ...visit, dealerId: 'dealer-1', loggedBy: 'rep-1', version: 1 });
    expect(logged.body.contactId).toEqual(expect.any(String));
    await log('dealer-1', { kind: 'call', happenedAt: '2026-03-10T08:00:00Z', followUpDue: undefined });
    await log('dealer-1', { kind: 'email', happenedAt: '2026-02-01' });
    await log('dealer-2');

    for (const reader of [manager, rep, analyst, dealerUser]) {
      const read = await http().get('/dealers/dealer-1/contacts?pageSize=2').set(reader);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(read.body.items.map((item: { kind: string }) => item.kind)).toEqual(['call', 'visit']);
    }
    const second = await http().get('/dealers/dealer-1/contacts?page=2&pageSize=2').set(manager);
    expect(second.body.items.map((item: { kind: string }) => item.kind)).toEqual(['email']);
  });

  it('logs a contact once for one Idempotency-Key, with its id from the key', async () => {
    const send = () => http().post('/dealers/dealer-1/contacts').set(rep).set('Idempotency-Key', 'visit-9').send(visit);
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.body.contactId).toBe(first.body.contactId);
    expect((await http().get('/dealers/dealer-1/contacts').set(rep)).body.total).toBe(1);
  });

  it('completes a follow-up, which then is no longer overdue', async () => {
    const { contactId } = await log('dealer-1', { followUpDue: '2026-03-09' });
    await log('dealer-2', { happenedAt: '2026-03-01', followUpDue: '2026-03-05' });
    await log('dealer-3', { followUpDue: '2026-03-10' });
    await log('dealer-3', { followUpDue: undefined });

    const overdue = await http().get('/contacts/follow-ups/overdue').set(manager);
    expect(overdue.status).toBe(200);
    expect(overdue.body.total).toBe(2);
    expect(overdue.body.items).toEqual([
      expect.objectContaining({ dealerId: 'dealer-2', followUpDue: '2026-03-05', daysOverdue: 5 }),
      expect.objectContaining({ contactId, dealerId: 'dealer-1', followUpDue: '2026-03-09', daysOverdue: 1 }),
    ]);
    const later = await http().get('/contacts/follow-ups/overdue?today=2026-03-12').set(rep);
    expect(later.body.total).toBe(3);

    const completed = await http()
      .post(`/contacts/${contactId}/follow-up`)
      .set(rep)
      .set('If-Match', '"1"')
      .send({ completedAt: '2026-03-10T09:00:00Z', note: 'Demo press booked' });
    expect(completed.status).toBe(200);
    expect(completed.headers.etag).toBe('"2"');
    expect(completed.body.followUpCompleted).toEqual({
      completedAt: '2026-03-10T09:00:00Z',
      note: 'Demo press booked',
    });
    const after = await http().get('/contacts/follow-ups/overdue').set(manager);
    expect(after.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['dealer-2']);
  });

  it('lists the dealers nobody contacted for N days, those never contacted first', async () => {
    await log('dealer-1', { happenedAt: '2026-03-09' });
    await log('dealer-2', { happenedAt: '2026-01-10', followUpDue: undefined });
    await log('dealer-2', { happenedAt: '2026-02-08', followUpDue: undefined });
    await log('dealer-south', {}, asUser('rep-s', 'rep', 'south'));

    const silent = await http().get('/contacts/silent-dealers?days=30').set(manager);
    expect(silent.status).toBe(200);
    expect(silent.body).toMatchObject({ total: 2, page: 1 });
    expect(silent.body.items).toEqual([
      { dealerId: 'dealer-3', companyName: 'dealer-3 Handels GmbH' },
      { dealerId: 'dealer-2', companyName: 'dealer-2 Handels GmbH', lastContactDay: '2026-02-08', daysSince: 30 },
    ]);
    const longer = await http().get('/contacts/silent-dealers?days=31').set(rep);
    expect(longer.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['dealer-3']);
    const all = await http().get('/contacts/silent-dealers?days=0&today=2026-03-09').set(rep);
    expect(all.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual([
      'dealer-3',
      'dealer-2',
      'dealer-1',
    ]);
    const byDefault = await http().get('/contacts/silent-dealers').set(analyst);
    expect(byDefault.body.total).toBe(2);
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    const { contactId } = await log('dealer-1');
    const before = await events();
    const stale = await http()
      .post(`/contacts/${contactId}/follow-up`)
      .set(rep)
      .set('If-Match', '"0"')
      .send({ completedAt: '2026-03-10T09:00:00Z', note: 'Called back' });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
  });

  it.each([
    ['an unknown kind', { ...visit, kind: 'telepathy' }, 'kind'],
    ['a happenedAt that is no time', { ...visit, happenedAt: 'yesterday' }, 'happenedAt'],
    ['a happenedAt still to come', { ...visit, happenedAt: '2026-03-20' }, 'happenedAt'],
    ['a missing summary', { ...visit, summary: undefined }, 'summary'],
    ['an outcome too long', { ...visit, outcome: 'x'.repeat(501) }, 'outcome'],
    ['a follow-up due that is no day', { ...visit, followUpDue: '2026-02-30' }, 'followUpDue'],
    ['a follow-up due before the contact', { ...visit, followUpDue: '2026-03-01' }, 'followUpDue'],
    ['an unknown field', { ...visit, colour: 'red' }, 'colour'],
  ])('refuses logging %s with problem+json naming the field, writing nothing', async (_label, body, field) => {
    const before = await events();
    const response = await http().post('/dealers/dealer-1/contacts').set(rep).send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(before);
  });

  it.each([
    ['a completedAt that is no instant', { completedAt: '2026-03-10', note: 'x' }, 'completedAt'],
    ['a completedAt still to come', { completedAt: '2026-03-11T00:00:00Z', note: 'x' }, 'completedAt'],
    ['a completedAt before the contact', { completedAt: '2026-03-08T10:00:00Z', note: 'x' }, 'completedAt'],
    ['a missing note', { completedAt: '2026-03-10T09:00:00Z' }, 'note'],
    ['an unknown field', { completedAt: '2026-03-10T09:00:00Z', note: 'x', colour: 'red' }, 'colour'],
  ])('refuses completing with %s, naming the field, writing nothing', async (_label, body, field) => {
    const { contactId } = await log('dealer-1');
    const before = await events();
    const response = await http().post(`/contacts/${contactId}/follow-up`).set(rep).send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(before);
  });

  it.each([
    ['/contacts/follow-ups/overdue?today=2026-13-01', 'today'],
    ['/contacts/follow-ups/overdue?colour=red', 'colour'],
    ['/contacts/silent-dealers?days=-1', 'days'],
    ['/contacts/silent-dealers?days=many', 'days'],
    ['/contacts/silent-dealers?today=soon', 'today'],
    ['/dealers/dealer-1/contacts?pageSize=500', 'pageSize'],
    ['/dealers/no%20spaces/contacts', 'dealerId'],
  ])('refuses GET %s, naming %s', async (path, field) => {
    const response = await http().get(path).set(manager);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses contacts with a dealer that is not the division’s, and follow-ups it cannot complete', async () => {
    const before = await events();
    const badId = await http().post('/dealers/no%20spaces/contacts').set(rep).send(visit);
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
    const unknown = await http().post('/dealers/nobody/contacts').set(rep).send(visit);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
    expect((await http().post('/dealers/dealer-south/contacts').set(rep).send(visit)).status).toBe(400);
    expect(await events()).toBe(before);

    const missing = await http()
      .post('/contacts/nothing/follow-up')
      .set(rep)
      .send({ completedAt: '2026-03-10T09:00:00Z', note: 'x' });
    expect(missing.status).toBe(404);
    const badContact = await http()
      .post('/contacts/no%20spaces/follow-up')
      .set(rep)
      .send({ completedAt: '2026-03-10T09:00:00Z', note: 'x' });
    expect(badContact.status).toBe(400);
    expect(badContact.body.errors).toEqual([expect.objectContaining({ field: 'contactId' })]);
    const { contactId } = await log('dealer-1', { followUpDue: undefined });
    const noFollowUp = await http()
      .post(`/contacts/${contactId}/follow-up`)
      .set(rep)
      .send({ completedAt: '2026-03-10T09:00:00Z', note: 'x' });
    expect(noFollowUp.status).toBe(409);
    expect(noFollowUp.body.code).toBe('COMMUNICATION_NO_FOLLOW_UP');
    const south = await http()
      .post(`/contacts/${contactId}/follow-up`)
      .set(asUser('rep-s', 'rep', 'south'))
      .send({ completedAt: '2026-03-10T09:00:00Z', note: 'x' });
    expect(south.status).toBe(404);
  });

  it('lets the organisation log and a dealer user only read', async () => {
    const { contactId } = await log('dealer-1');
    const before = await events();
    for (const caller of [dealerUser, analyst]) {
      expect((await http().post('/dealers/dealer-1/contacts').set(caller).send(visit)).status).toBe(403);
      const completion = { completedAt: '2026-03-10T09:00:00Z', note: 'x' };
      expect((await http().post(`/contacts/${contactId}/follow-up`).set(caller).send(completion)).status).toBe(403);
    }
    expect((await http().get('/contacts/follow-ups/overdue').set(dealerUser)).status).toBe(403);
    expect((await http().get('/contacts/silent-dealers').set(dealerUser)).status).toBe(403);
    expect(await events()).toBe(before);
  });

  it("shows a dealer's users only their own dealer's log: another dealer's reads as not found", async () => {
    await log('dealer-1');
    expect((await http().get('/dealers/dealer-1/contacts').set(otherDealerUser)).status).toBe(404);
    expect((await http().get('/dealers/dealer-2/contacts').set(otherDealerUser)).status).toBe(200);
    expect((await http().get('/dealers/nobody/contacts').set(manager)).status).toBe(404);
    expect((await http().get('/dealers/dealer-south/contacts').set(manager)).status).toBe(404);
  });
});
