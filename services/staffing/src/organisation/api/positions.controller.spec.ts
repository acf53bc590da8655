import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import { eachTestStaffingApp } from '../../testing';

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['presses-south'] });
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealer = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'nordbau' });
const southManager = asUser('manager-9', 'division-manager', 'south');
const director = { ...bearer({ userId: 'director-1', roles: ['sales-director'] }), 'X-Division-Id': 'north' };

const profile = {
  title: 'Account executive',
  duties: ['Wins new accounts in the territory', 'Keeps the forecast current'],
  requiredCertifications: ['negotiation-basics', 'presses-basics'],
};
const accountExecutive = { positionId: 'account-executive', ...profile };

describe('positions API: the positions of a division', () => {
  const current = eachTestStaffingApp();
  const http = () => request(current().app.getHttpServer());
  const events = async () => (await current().store.readAll({ maxCount: 10_000 })).events.length;
  const define = (body: object, caller = manager) => http().post('/positions').set(caller).send(body);
  const expectField = (response: request.Response, field: string) => {
    expect({ status: response.status, type: response.headers['content-type'] as string }).toEqual({
      status: 400,
      type: expect.stringContaining('application/problem+json') as unknown,
    });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  it('defines a position that everyone of the division then reads, listed by title', async () => {
    const defined = await define(accountExecutive);
    expect(defined.status).toBe(201);
    expect(defined.headers.location).toBe('/positions/account-executive');
    expect(defined.headers.etag).toBe('"1"');
    expect(defined.body).toMatchObject({ ...accountExecutive, divisionId: 'north', status: 'active', version: 1 });
    await define({ ...accountExecutive, positionId: 'team-lead', title: 'Team lead' }).expect(201);

    for (const caller of [rep, teamLead, analyst]) {
      const list = await http().get('/positions').set(caller);
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: { positionId: string }) => item.positionId)).toEqual([
        'account-executive',
        'team-lead',
      ]);
      const read = await http().get('/positions/account-executive').set(caller);
      expect({ status: read.status, etag: read.headers.etag }).toEqual({ status: 200, etag: '"1"' });
      expect(read.body).toMatchObject(profile);
    }
    expect((await http().get('/positions').set(southManager)).body.items).toEqual([]);
  });

  it('revises a position under If-Match, refusing a stale version with 412 and writing nothing', async () => {
    await define(accountExecutive).expect(201);
    const revised = await http()
      .put('/positions/account-executive')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ ...profile, title: 'Senior account executive', requiredCertifications: ['negotiation-basics'] });
    expect(revised.status).toBe(200);
    expect(revised.headers.etag).toBe('"2"');
    expect(revised.body).toMatchObject({
      title: 'Senior account executive',
      requiredCertifications: ['negotiation-basics'],
    });
    const before = await events();
    const stale = await http()
      .put('/positions/account-executive')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ ...profile, title: 'Stale' });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
    const list = await http().get('/positions').set(rep);
    expect(list.body.items[0]).toMatchObject({ title: 'Senior account executive', version: 2 });
  });

  it('retires a position, which stays readable, is listed by status and is not revised after', async () => {
    await define(accountExecutive).expect(201);
    await define({ ...accountExecutive, positionId: 'team-lead', title: 'Team lead' }).expect(201);
    const retired = await http()
      .post('/positions/account-executive/retirement')
      .set(manager)
      .send({ reason: 'Split into hunter and farmer roles' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', retirementReason: 'Split into hunter and farmer roles' });
    const ids = async (query: string) =>
      ((await http().get(`/positions${query}`).set(rep)).body.items as Array<{ positionId: string }>).map(
        (item) => item.positionId,
      );
    expect([await ids('?status=retired'), await ids('?status=active')]).toEqual([['account-executive'], ['team-lead']]);
    const again = await http()
      .put('/positions/account-executive')
      .set(manager)
      .send({ ...profile, title: 'Back' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('POSITION_RETIRED');
  });

  it('refuses an id that is taken with 409, and answers a retry with the same Idempotency-Key as the first time', async () => {
    const keyed = { ...manager, 'Idempotency-Key': 'define-account-executive' };
    const first = await define(accountExecutive, keyed);
    const again = await define(accountExecutive, keyed);
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    expect(await events()).toBe(1);
    const taken = await define(accountExecutive);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ORGANISATION_ALREADY_EXISTS');
  });

  it('answers 404 for a position the division does not have, another division’s included', async () => {
    await define(accountExecutive).expect(201);
    const calls = [
      () => http().get('/positions/nothing').set(rep),
      () => http().put('/positions/nothing').set(manager).send(profile),
      () => http().post('/positions/nothing/retirement').set(manager).send({ reason: 'gone' }),
      () => http().get('/positions/account-executive').set(southManager),
      () => http().post('/positions/account-executive/retirement').set(southManager).send({ reason: 'Taken over' }),
    ];
    for (const call of calls) {
      const response = await call();
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 404,
        code: 'POSITION_NOT_FOUND',
      });
    }
  });

  describe('invalid input, answered with problem+json naming the field and writing nothing', () => {
    it.each([
      ['a position id that is no id', { ...accountExecutive, positionId: 'account executive' }, 'positionId'],
      ['a missing title', { ...accountExecutive, title: undefined }, 'title'],
      ['a title too long', { ...accountExecutive, title: 'x'.repeat(121) }, 'title'],
      ['duties that are no list', { ...accountExecutive, duties: 'sell' }, 'duties'],
      ['an empty duty', { ...accountExecutive, duties: [''] }, 'duties'],
      ['a duty listed twice', { ...accountExecutive, duties: ['Sell', 'sell'] }, 'duties[1]'],
      [
        'a certification that is no id',
        { ...accountExecutive, requiredCertifications: ['a b'] },
        'requiredCertifications',
      ],
      [
        'a certification listed twice',
        { ...accountExecutive, requiredCertifications: ['c-1', 'c-1'] },
        'requiredCertifications[1]',
      ],
      ['an unknown field', { ...accountExecutive, grade: 7 }, 'grade'],
    ])('POST /positions: %s', async (_label, body, field) => {
      expectField(await define(body), field);
      expect(await events()).toBe(0);
    });

    it.each([
      ['a missing title', { duties: [], requiredCertifications: [] }, 'title'],
      ['a position id, which is fixed', { ...profile, positionId: 'other' }, 'positionId'],
      ['a null list', { ...profile, duties: null }, 'duties'],
    ])('PUT /positions/:positionId: %s', async (_label, body, field) => {
      await define(accountExecutive).expect(201);
      expectField(await http().put('/positions/account-executive').set(manager).send(body), field);
      expect(await events()).toBe(1);
    });

    it.each([
      ['a missing reason', {}, 'reason'],
      ['an empty reason', { reason: '' }, 'reason'],
    ])('POST /positions/:positionId/retirement: %s', async (_label, body, field) => {
      await define(accountExecutive).expect(201);
      expectField(await http().post('/positions/account-executive/retirement').set(manager).send(body), field);
      expect(await events()).toBe(1);
    });

    it.each([
      ['GET /positions with a status none has', '/positions?status=open', 'status'],
      ['GET /positions/:positionId with an id that is no id', '/positions/no%20spaces', 'positionId'],
    ])('%s', async (_label, path, field) => {
      expectField(await http().get(path).set(rep), field);
    });
  });

  it('lets only division managers, sales directors and admins change positions; dealers do not read them', async () => {
    await define(accountExecutive).expect(201);
    for (const caller of [rep, teamLead, analyst, dealer]) {
      expect((await define({ ...accountExecutive, positionId: 'refused' }, caller)).status).toBe(403);
      expect((await http().put('/positions/account-executive').set(caller).send(profile)).status).toBe(403);
      expect(
        (await http().post('/positions/account-executive/retirement').set(caller).send({ reason: 'x' })).status,
      ).toBe(403);
    }
    expect((await http().get('/positions').set(dealer)).status).toBe(403);
    expect((await http().get('/positions/account-executive').set(dealer)).status).toBe(403);
    expect(await events()).toBe(1);
    expect((await define({ ...accountExecutive, positionId: 'by-director' }, director)).status).toBe(201);
  });
});
