import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, bearer, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-06-15T10:00:00Z');
  }
}

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const otherDealerUser = asUser('dealer-user-2', 'dealer', 'north', { dealerId: 'dealer-2' });

const terms = {
  discountPercent: 12,
  territories: ['de-north', 'de-east'],
  productGroups: ['presses'],
  exclusivity: true,
  exclusiveTerritories: ['de-north'],
  paymentTermsDays: 30,
};
const draft = { dealerId: 'dealer-1', terms, effectiveFrom: '2026-01-01', expiresOn: '2026-07-31' };

describe('agreements API: the terms agreed with each dealer, version by version', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store, clock: new FixedClock() });
    await app.init();
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2', userIds: ['dealer-user-2'] });
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 10_000 })).events.length;
  const signed = async (agreementId: string, body: object = draft) => {
    await http().put(`/agreements/${agreementId}/versions`).set(manager).send(body).expect(200);
    return http()
      .post(`/agreements/${agreementId}/versions/1/signature`)
      .set(manager)
      .send({ signedBy: 'Anna Weber', signedOn: '2025-12-15' })
      .expect(201);
  };

  it('drafts and signs a version, read back with its ETag, and answers which terms applied on a day', async () => {
    const drafted = await http().put('/agreements/agr-1/versions').set(manager).set('If-Match', '"0"').send(draft);
    expect(drafted.status).toBe(200);
    expect(drafted.headers.etag).toBe('"1"');
    expect(drafted.body).toMatchObject({ agreementId: 'agr-1', dealerId: 'dealer-1', status: 'open', version: 1 });
    expect(drafted.body.drafts).toEqual([expect.objectContaining({ version: 1, effectiveFrom: '2026-01-01' })]);

    const sign = await http()
      .post('/agreements/agr-1/versions/1/signature')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ signedBy: 'Anna Weber', signedOn: '2025-12-15' });
    expect(sign.status).toBe(201);
    expect(sign.body.signed).toEqual([expect.objectContaining({ version: 1, signedBy: 'Anna Weber' })]);

    const read = await http().get('/agreements/agr-1').set(rep);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.body).toMatchObject({ agreementId: 'agr-1', version: 2, drafts: [], signed: [{ version: 1 }] });

    const before = await http().get('/agreements/agr-1/terms?on=2025-12-31').set(rep);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('AGREEMENT_NO_TERMS_ON_DAY');
    const first = await http().get('/agreements/agr-1/terms?on=2026-01-01').set(rep);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ agreementId: 'agr-1', on: '2026-01-01', version: 1, terms });
    const expired = await http().get('/agreements/agr-1/terms?on=2026-08-01').set(rep);
    expect(expired.status).toBe(404);
  });

  it('renews, and the signed renewal takes over the day after; a withdrawn draft never applies', async () => {
    await signed('agr-1');
    const renewed = await http()
      .post('/agreements/agr-1/renewal')
      .set(manager)
      .send({ expiresOn: '2027-07-31', terms: { ...terms, discountPercent: 15 } });
    expect(renewed.status).toBe(201);
    expect(renewed.body.drafts).toEqual([
      expect.objectContaining({ version: 2, renews: 1, effectiveFrom: '2026-08-01' }),
    ]);
    await http()
      .post('/agreements/agr-1/versions/2/signature')
      .set(manager)
      .send({ signedBy: 'Anna Weber', signedOn: '2026-06-01' })
      .expect(201);
    const after = await http().get('/agreements/agr-1/terms?on=2026-08-01').set(rep);
    expect(after.body).toMatchObject({ version: 2, terms: { discountPercent: 15 } });

    await http()
      .put('/agreements/agr-1/versions')
      .set(manager)
      .send({ ...draft, effectiveFrom: '2027-08-01', expiresOn: '2028-07-31' })
      .expect(200);
    const withdrawn = await http()
      .post('/agreements/agr-1/versions/3/withdrawal')
      .set(manager)
      .send({ reason: 'Not agreed' });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body).toMatchObject({ drafts: [], withdrawn: [3] });
    const again = await http()
      .post('/agreements/agr-1/versions/3/signature')
      .set(manager)
      .send({ signedBy: 'Anna Weber', signedOn: '2026-06-01' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AGREEMENT_VERSION_NOT_DRAFT');
    expect(
      (
        await http()
          .post('/agreements/agr-1/versions/9/signature')
          .set(manager)
          .send({ signedBy: 'Anna Weber', signedOn: '2026-06-01' })
      ).status,
    ).toBe(404);
  });

  it('terminates: no terms from the effective day on, and nothing further changes', async () => {
    await signed('agr-1');
    const ended = await http()
      .post('/agreements/agr-1/termination')
      .set(manager)
      .send({ effectiveOn: '2026-05-01', reason: 'Dealer ceased trading' });
    expect(ended.status).toBe(201);
    expect(ended.body).toMatchObject({ status: 'terminated', termination: { effectiveOn: '2026-05-01' } });
    expect((await http().get('/agreements/agr-1/terms?on=2026-04-30').set(rep)).status).toBe(200);
    expect((await http().get('/agreements/agr-1/terms?on=2026-05-01').set(rep)).status).toBe(404);
    const renew = await http().post('/agreements/agr-1/renewal').set(manager).send({ expiresOn: '2027-07-31' });
    expect(renew.status).toBe(409);
    expect(renew.body.code).toBe('AGREEMENT_TERMINATED');
  });

  it('refuses to draft, sign or renew terms with a terminated dealer, naming its state and writing nothing', async () => {
    await signed('agr-1');
    await http()
      .put('/agreements/agr-1/versions')
      .set(manager)
      .send({ ...draft, effectiveFrom: '2026-08-01' });
    await http()
      .post('/dealers/dealer-1/termination')
      .set(manager)
      .send({ reason: 'Left the market', effectiveDay: '2026-06-30' })
      .expect(200);
    const before = await events();
    const refusals = [
      await http().put('/agreements/agr-2/versions').set(manager).send(draft),
      await http()
        .post('/agreements/agr-1/versions/2/signature')
        .set(manager)
        .send({ signedBy: 'Anna Weber', signedOn: '2026-06-20' }),
      await http().post('/agreements/agr-1/renewal').set(manager).send({ expiresOn: '2027-07-31' }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'DEALER_INVALID_TRANSITION', status: 409 });
      expect(refused.body.detail).toContain('dealer-1 is terminated');
    }
    expect(await events()).toBe(before);
    const suspendedToo = await http()
      .post('/dealers/dealer-2/suspension')
      .set(manager)
      .send({ reason: 'Overdue payments' });
    expect(suspendedToo.status).toBe(200);
    expect(
      (
        await http()
          .put('/agreements/agr-3/versions')
          .set(manager)
          .send({ ...draft, dealerId: 'dealer-2' })
      ).status,
    ).toBe(200);
  });

  it('lists in pages, by dealer, and those whose terms run out within N days of today with nothing to follow', async () => {
    await signed('agr-a');
    await signed('agr-b', { ...draft, dealerId: 'dealer-2', expiresOn: '2026-12-31' });
    await signed('agr-c');
    await http().post('/agreements/agr-c/renewal').set(manager).send({ expiresOn: '2027-07-31' }).expect(201);
    await http()
      .post('/agreements/agr-c/versions/2/signature')
      .set(manager)
      .send({ signedBy: 'Anna Weber', signedOn: '2026-06-01' })
      .expect(201);
    await signed('agr-d');
    await http().post('/agreements/agr-d/renewal').set(manager).send({ expiresOn: '2027-07-31' }).expect(201);

    const ids = (body: { items: Array<{ agreementId: string }> }) => body.items.map((item) => item.agreementId);
    const all = await http().get('/agreements').set(rep);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(ids(all.body)).toEqual(['agr-a', 'agr-b', 'agr-c', 'agr-d']);
    expect(ids((await http().get('/agreements?dealerId=dealer-2').set(rep)).body)).toEqual(['agr-b']);
    expect(ids((await http().get('/agreements?expiringWithinDays=60').set(rep)).body)).toEqual(['agr-a', 'agr-d']);
    expect(ids((await http().get('/agreements?expiringWithinDays=46').set(rep)).body)).toEqual(['agr-a', 'agr-d']);
    expect(ids((await http().get('/agreements?expiringWithinDays=45').set(rep)).body)).toEqual([]);
    expect(ids((await http().get('/agreements?expiringWithinDays=365').set(rep)).body)).toEqual([
      'agr-a',
      'agr-b',
      'agr-d',
    ]);
    const second = await http().get('/agreements?page=2&pageSize=3').set(rep);
    expect(ids(second.body)).toEqual(['agr-d']);
    expect(second.body.total).toBe(4);
  });

  it("shows a dealer's users their own dealer's agreements only; another dealer's read as not found", async () => {
    await signed('agr-1');
    await signed('agr-2', { ...draft, dealerId: 'dealer-2' });
    expect((await http().get('/agreements/agr-1').set(dealerUser)).status).toBe(200);
    expect((await http().get('/agreements/agr-1/terms?on=2026-03-01').set(dealerUser)).status).toBe(200);
    expect((await http().get('/agreements/agr-2').set(dealerUser)).status).toBe(404);
    expect((await http().get('/agreements/agr-2/terms?on=2026-03-01').set(dealerUser)).status).toBe(404);
    const listed = await http().get('/agreements').set(dealerUser);
    expect(listed.body.items.map((item: { agreementId: string }) => item.agreementId)).toEqual(['agr-1']);
    const asked = await http().get('/agreements?dealerId=dealer-2').set(dealerUser);
    expect(asked.body).toMatchObject({ items: [], total: 0 });
    expect((await http().get('/agreements/agr-1').set(otherDealerUser)).status).toBe(404);
    expect(
      (
        await http()
          .get('/agreements/agr-1')
          .set(asUser('rep-9', 'rep', 'south'))
      ).status,
    ).toBe(404);
  });

  it('lets only division managers, sales directors and admins change agreements; others may read', async () => {
    await signed('agr-1');
    const before = await events();
    const writes = [
      (caller: Record<string, string>) => http().put('/agreements/agr-1/versions').set(caller).send(draft),
      (caller: Record<string, string>) =>
        http()
          .post('/agreements/agr-1/versions/1/signature')
          .set(caller)
          .send({ signedBy: 'X', signedOn: '2026-01-01' }),
      (caller: Record<string, string>) =>
        http().post('/agreements/agr-1/versions/1/withdrawal').set(caller).send({ reason: 'x' }),
      (caller: Record<string, string>) =>
        http().post('/agreements/agr-1/renewal').set(caller).send({ expiresOn: '2027-07-31' }),
      (caller: Record<string, string>) =>
        http().post('/agreements/agr-1/termination').set(caller).send({ effectiveOn: '2026-09-01', reason: 'x' }),
    ];
    const refused = [rep, dealerUser, asUser('lead-1', 'team-lead', 'north'), asUser('analyst-1', 'analyst', 'north')];
    for (const write of writes) for (const caller of refused) expect((await write(caller)).status).toBe(403);
    expect(await events()).toBe(before);
    const director = { ...bearer({ userId: 'director-1', roles: ['sales-director'] }), 'X-Division-Id': 'north' };
    expect(
      (await http().post('/agreements/agr-1/renewal').set(director).send({ expiresOn: '2027-07-31' })).status,
    ).toBe(201);
    for (const reader of [rep, asUser('analyst-1', 'analyst', 'north'), asUser('lead-1', 'team-lead', 'north')]) {
      expect((await http().get('/agreements/agr-1').set(reader)).status).toBe(200);
      expect((await http().get('/agreements').set(reader)).status).toBe(200);
    }
  });

  it('refuses a stale If-Match on every write with 412, writing nothing', async () => {
    await signed('agr-1');
    await http().post('/agreements/agr-1/renewal').set(manager).send({ expiresOn: '2027-07-31' }).expect(201);
    const before = await events();
    const stale = [
      () => http().put('/agreements/agr-1/versions').set(manager).set('If-Match', '"1"').send(draft),
      () =>
        http()
          .post('/agreements/agr-1/versions/2/signature')
          .set(manager)
          .set('If-Match', '"1"')
          .send({ signedBy: 'X', signedOn: '2026-01-01' }),
      () =>
        http()
          .post('/agreements/agr-1/versions/2/withdrawal')
          .set(manager)
          .set('If-Match', '"1"')
          .send({ reason: 'x' }),
      () =>
        http().post('/agreements/agr-1/renewal').set(manager).set('If-Match', '"1"').send({ expiresOn: '2028-07-31' }),
      () =>
        http()
          .post('/agreements/agr-1/termination')
          .set(manager)
          .set('If-Match', '"1"')
          .send({ effectiveOn: '2026-09-01', reason: 'x' }),
    ];
    for (const write of stale) expect((await write()).status).toBe(412);
    expect(await events()).toBe(before);
  });

  it.each([
    ['a dealer id that is no id', { ...draft, dealerId: 'no spaces' }, 'dealerId'],
    ['a dealer of no division', { ...draft, dealerId: 'dealer-9' }, 'dealerId'],
    ['missing terms', { ...draft, terms: undefined }, 'terms'],
    ['a discount over 100', { ...draft, terms: { ...terms, discountPercent: 101 } }, 'terms.discountPercent'],
    ['territories that are no list', { ...draft, terms: { ...terms, territories: 'de' } }, 'terms.territories'],
    ['an empty product group', { ...draft, terms: { ...terms, productGroups: [''] } }, 'terms.productGroups'],
    ['exclusivity that is no boolean', { ...draft, terms: { ...terms, exclusivity: 'yes' } }, 'terms.exclusivity'],
    [
      'an exclusive territory outside the territories',
      { ...draft, terms: { ...terms, exclusiveTerritories: ['fr'] } },
      'terms.exclusiveTerritories[0]',
    ],
    ['payment terms in fractions', { ...draft, terms: { ...terms, paymentTermsDays: 1.5 } }, 'terms.paymentTermsDays'],
    [
      'a rebate programme that is no id',
      { ...draft, terms: { ...terms, rebateProgrammeId: 'a b' } },
      'terms.rebateProgrammeId',
    ],
    ['a day that does not exist', { ...draft, effectiveFrom: '2026-02-30' }, 'effectiveFrom'],
    ['an expiry before the start', { ...draft, expiresOn: '2025-12-31' }, 'expiresOn'],
    ['an unknown field', { ...draft, colour: 'red' }, 'colour'],
  ])('refuses a draft with %s, naming the field and writing nothing', async (_label, body, field) => {
    const before = await events();
    const response = await http().put('/agreements/agr-1/versions').set(manager).send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(before);
  });

  it.each([
    ['put', '/agreements/no%20spaces/versions', draft, 'agreementId'],
    ['post', '/agreements/agr-1/versions/one/signature', { signedBy: 'X', signedOn: '2026-01-01' }, 'version'],
    ['post', '/agreements/agr-1/versions/0/withdrawal', { reason: 'x' }, 'version'],
    ['post', '/agreements/agr-1/versions/1/signature', { signedOn: '2026-01-01' }, 'signedBy'],
    ['post', '/agreements/agr-1/versions/1/signature', { signedBy: 'X', signedOn: '1 Jan' }, 'signedOn'],
    ['post', '/agreements/agr-1/versions/1/withdrawal', {}, 'reason'],
    ['post', '/agreements/agr-1/renewal', { expiresOn: '2027-13-01' }, 'expiresOn'],
    ['post', '/agreements/agr-1/renewal', { expiresOn: '2027-07-31', effectiveFrom: 'soon' }, 'effectiveFrom'],
    [
      'post',
      '/agreements/agr-1/renewal',
      { expiresOn: '2027-07-31', terms: { ...terms, discountPercent: -1 } },
      'terms.discountPercent',
    ],
    ['post', '/agreements/agr-1/termination', { reason: 'x' }, 'effectiveOn'],
    ['post', '/agreements/agr-1/termination', { effectiveOn: '2026-09-01' }, 'reason'],
  ] as const)('refuses %s %s with a field named in the problem', async (method, path, body, field) => {
    await signed('agr-1');
    const before = await events();
    const response = await http()[method](path).set(manager).send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(before);
  });

  it.each([
    ['/agreements/no%20spaces', 'agreementId'],
    ['/agreements/agr-1/terms', 'on'],
    ['/agreements/agr-1/terms?on=2026-02-30', 'on'],
    ['/agreements?expiringWithinDays=-1', 'expiringWithinDays'],
    ['/agreements?dealerId=a%20b', 'dealerId'],
    ['/agreements?pageSize=500', 'pageSize'],
    ['/agreements?colour=red', 'colour'],
  ])('refuses the read %s naming %s', async (path, field) => {
    await signed('agr-1');
    const response = await http().get(path).set(rep);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('answers 404 for an agreement that is not there, for reads and commands', async () => {
    expect((await http().get('/agreements/nothing').set(rep)).status).toBe(404);
    expect((await http().get('/agreements/nothing/terms?on=2026-01-01').set(rep)).status).toBe(404);
    expect(
      (await http().post('/agreements/nothing/renewal').set(manager).send({ expiresOn: '2027-01-01' })).status,
    ).toBe(404);
  });
});
