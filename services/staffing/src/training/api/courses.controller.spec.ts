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

const definition = {
  title: 'Negotiation basics',
  skills: ['discovery', 'objection handling'],
  passMark: 70,
  certificationValidityMonths: 12,
};
const negotiation = { courseId: 'negotiation-101', ...definition };

describe('courses API: the training catalogue of a division', () => {
  const current = eachTestStaffingApp();
  const http = () => request(current().app.getHttpServer());
  const events = async () => (await current().store.readAll({ maxCount: 10_000 })).events.length;
  const define = (body: object, caller = manager) => http().post('/training/courses').set(caller).send(body);
  const expectField = (response: request.Response, field: string) => {
    expect({ status: response.status, type: response.headers['content-type'] as string }).toEqual({
      status: 400,
      type: expect.stringContaining('application/problem+json') as unknown,
    });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  it('defines courses that everyone of the division then reads, listed by title', async () => {
    const defined = await define(negotiation);
    expect(defined.status).toBe(201);
    expect(defined.headers.location).toBe('/training/courses/negotiation-101');
    expect(defined.headers.etag).toBe('"1"');
    expect(defined.body).toMatchObject({ ...negotiation, divisionId: 'north', status: 'active', version: 1 });
    const { certificationValidityMonths: _months, ...forGood } = definition;
    const crm = await define({ courseId: 'crm-hygiene', ...forGood, title: 'CRM hygiene' });
    expect(crm.status).toBe(201);
    expect(crm.body).not.toHaveProperty('certificationValidityMonths');

    for (const caller of [rep, teamLead, analyst, director]) {
      const list = await http().get('/training/courses').set(caller);
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: { courseId: string }) => item.courseId)).toEqual([
        'crm-hygiene',
        'negotiation-101',
      ]);
      const read = await http().get('/training/courses/negotiation-101').set(caller);
      expect({ status: read.status, etag: read.headers.etag }).toEqual({ status: 200, etag: '"1"' });
      expect(read.body).toMatchObject(definition);
    }
    expect((await http().get('/training/courses').set(southManager)).body.items).toEqual([]);
  });

  it('revises a course under If-Match, refusing a stale version with 412 and writing nothing', async () => {
    await define(negotiation).expect(201);
    const revised = await http()
      .put('/training/courses/negotiation-101')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ ...definition, passMark: 80 });
    expect({ status: revised.status, etag: revised.headers.etag }).toEqual({ status: 200, etag: '"2"' });
    expect(revised.body).toMatchObject({ passMark: 80, version: 2 });
    const before = await events();
    const stale = await http()
      .put('/training/courses/negotiation-101')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ ...definition, passMark: 60 });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
    expect((await http().get('/training/courses').set(rep)).body.items[0]).toMatchObject({ passMark: 80, version: 2 });
  });

  it('retires a course, listed by status and not revised after', async () => {
    await define(negotiation).expect(201);
    await define({ ...negotiation, courseId: 'closing-201', title: 'Closing' }).expect(201);
    const retired = await http()
      .post('/training/courses/negotiation-101/retirement')
      .set(manager)
      .send({ reason: 'Replaced by negotiation 201' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', retirementReason: 'Replaced by negotiation 201' });
    const ids = async (query: string) =>
      ((await http().get(`/training/courses${query}`).set(rep)).body.items as Array<{ courseId: string }>).map(
        (item) => item.courseId,
      );
    expect([await ids('?status=retired'), await ids('?status=active')]).toEqual([['negotiation-101'], ['closing-201']]);
    const again = await http().put('/training/courses/negotiation-101').set(manager).send(definition);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'TRAINING_RETIRED' });
  });

  it('refuses an id that is taken with 409, and answers a retry with the same Idempotency-Key as the first time', async () => {
    const keyed = { ...manager, 'Idempotency-Key': 'define-negotiation' };
    const first = await define(negotiation, keyed);
    const again = await define(negotiation, keyed);
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    expect(await events()).toBe(1);
    const taken = await define(negotiation);
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'TRAINING_ALREADY_EXISTS' });
  });

  it("answers 404 for a course the division does not have, another division's included", async () => {
    await define(negotiation).expect(201);
    const calls = [
      () => http().get('/training/courses/nothing').set(rep),
      () => http().put('/training/courses/nothing').set(manager).send(definition),
      () => http().post('/training/courses/nothing/retirement').set(manager).send({ reason: 'gone' }),
      () => http().get('/training/courses/negotiation-101').set(southManager),
      () => http().put('/training/courses/negotiation-101').set(southManager).send(definition),
    ];
    for (const call of calls) {
      const response = await call();
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 404,
        code: 'TRAINING_COURSE_NOT_FOUND',
      });
    }
  });

  describe('invalid input, answered with problem+json naming the field and writing nothing', () => {
    it.each([
      ['a course id that is no id', { ...negotiation, courseId: 'negotiation 101' }, 'courseId'],
      ['a missing title', { ...negotiation, title: undefined }, 'title'],
      ['a blank title', { ...negotiation, title: '   ' }, 'title'],
      ['a title too long', { ...negotiation, title: 'x'.repeat(201) }, 'title'],
      ['no skills', { ...negotiation, skills: [] }, 'skills'],
      ['a skill listed twice', { ...negotiation, skills: ['closing', 'closing'] }, 'skills[1]'],
      ['a pass mark over 100', { ...negotiation, passMark: 101 }, 'passMark'],
      ['a pass mark with decimals', { ...negotiation, passMark: 70.5 }, 'passMark'],
      ['a pass mark as text', { ...negotiation, passMark: '70' }, 'passMark'],
      ['a validity of no months', { ...negotiation, certificationValidityMonths: 0 }, 'certificationValidityMonths'],
      ['a null validity', { ...negotiation, certificationValidityMonths: null }, 'certificationValidityMonths'],
      ['an unknown field', { ...negotiation, level: 'basic' }, 'level'],
    ])('POST /training/courses: %s', async (_label, body, field) => {
      expectField(await define(body), field);
      expect(await events()).toBe(0);
    });

    it.each([
      ['a missing pass mark', { ...definition, passMark: undefined }, 'passMark'],
      ['a course id, which is fixed', { ...definition, courseId: 'other' }, 'courseId'],
    ])('PUT /training/courses/:courseId: %s', async (_label, body, field) => {
      await define(negotiation).expect(201);
      expectField(await http().put('/training/courses/negotiation-101').set(manager).send(body), field);
      expect(await events()).toBe(1);
    });

    it.each([
      ['a missing reason', {}, 'reason'],
      ['an empty reason', { reason: '' }, 'reason'],
    ])('POST /training/courses/:courseId/retirement: %s', async (_label, body, field) => {
      await define(negotiation).expect(201);
      expectField(await http().post('/training/courses/negotiation-101/retirement').set(manager).send(body), field);
      expect(await events()).toBe(1);
    });

    it.each([
      ['GET /training/courses with a status none has', '/training/courses?status=open', 'status'],
      ['GET /training/courses/:courseId with an id that is no id', '/training/courses/no%20spaces', 'courseId'],
    ])('%s', async (_label, path, field) => {
      expectField(await http().get(path).set(rep), field);
    });
  });

  it('lets only division managers, sales directors and admins change courses; dealers do not read them', async () => {
    await define(negotiation).expect(201);
    for (const caller of [rep, teamLead, analyst, dealer]) {
      expect((await define({ ...negotiation, courseId: 'refused' }, caller)).status).toBe(403);
      expect((await http().put('/training/courses/negotiation-101').set(caller).send(definition)).status).toBe(403);
      expect(
        (await http().post('/training/courses/negotiation-101/retirement').set(caller).send({ reason: 'x' })).status,
      ).toBe(403);
    }
    expect((await http().get('/training/courses').set(dealer)).status).toBe(403);
    expect((await http().get('/training/courses/negotiation-101').set(dealer)).status).toBe(403);
    expect(await events()).toBe(1);
    expect((await define({ ...negotiation, courseId: 'by-director' }, director)).status).toBe(201);
  });
});
