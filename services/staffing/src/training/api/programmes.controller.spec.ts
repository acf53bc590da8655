import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { eachTestStaffingApp, recordTestTraining } from '../../testing';

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['presses-south'] });
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealer = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'nordbau' });
const southManager = asUser('manager-9', 'division-manager', 'south');

const path = { title: 'New rep path', courseIds: ['product-basics', 'negotiation-101'] };
const newRepPath = { programmeId: 'new-rep-path', ...path };

describe('programmes API: paths of courses of a division', () => {
  const current = eachTestStaffingApp();
  const http = () => request(current().app.getHttpServer());
  const events = async () => (await current().store.readAll({ maxCount: 10_000 })).events.length;
  const define = (body: object, caller = manager) => http().post('/training/programmes').set(caller).send(body);
  const expectField = (response: request.Response, field: string, status = 400) => {
    expect({ status: response.status, type: response.headers['content-type'] as string }).toEqual({
      status,
      type: expect.stringContaining('application/problem+json') as unknown,
    });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  beforeEach(async () => {
    const { app, store } = current();
    await recordTestTraining(app, store, {
      courses: [
        { courseId: 'product-basics' },
        { courseId: 'negotiation-101' },
        { courseId: 'closing-201' },
        { courseId: 'south-only', divisionId: 'south' },
      ],
    });
  });

  it('defines a programme of courses the division offers, read by everyone of the division', async () => {
    const defined = await define(newRepPath);
    expect(defined.status).toBe(201);
    expect(defined.headers.location).toBe('/training/programmes/new-rep-path');
    expect(defined.body).toMatchObject({ ...newRepPath, divisionId: 'north', status: 'active', version: 1 });
    for (const caller of [rep, teamLead, analyst]) {
      const list = await http().get('/training/programmes').set(caller);
      expect(list.body.items).toEqual([expect.objectContaining(newRepPath)]);
      const read = await http().get('/training/programmes/new-rep-path').set(caller);
      expect({ status: read.status, etag: read.headers.etag }).toEqual({ status: 200, etag: '"1"' });
    }
    expect((await http().get('/training/programmes').set(southManager)).body.items).toEqual([]);
    expect((await http().get('/training/programmes/new-rep-path').set(southManager)).status).toBe(404);
  });

  it('refuses a course the division does not have, or has retired, naming its place', async () => {
    const before = await events();
    const unknown = await define({ ...newRepPath, courseIds: ['product-basics', 'south-only'] });
    expectField(unknown, 'courseIds[1]', 404);
    expect(unknown.body.code).toBe('TRAINING_COURSE_NOT_FOUND');
    await http().post('/training/courses/closing-201/retirement').set(manager).send({ reason: 'Old' }).expect(200);
    const retired = await define({ ...newRepPath, courseIds: ['closing-201'] });
    expectField(retired, 'courseIds[0]', 409);
    expect(await events()).toBe(before + 1);
  });

  it('revises under If-Match with 412 for a stale version, and retires, after which it is not revised', async () => {
    await define(newRepPath).expect(201);
    const revised = await http()
      .put('/training/programmes/new-rep-path')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ ...path, courseIds: ['closing-201'] });
    expect({ status: revised.status, etag: revised.headers.etag }).toEqual({ status: 200, etag: '"2"' });
    const stale = await http().put('/training/programmes/new-rep-path').set(manager).set('If-Match', '"1"').send(path);
    expect(stale.status).toBe(412);
    await http()
      .post('/training/programmes/new-rep-path/retirement')
      .set(manager)
      .send({ reason: 'Merged' })
      .expect(200);
    const again = await http().put('/training/programmes/new-rep-path').set(manager).send(path);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'TRAINING_RETIRED' });
    const listed = await http().get('/training/programmes?status=retired').set(rep);
    expect(listed.body.items).toEqual([expect.objectContaining({ programmeId: 'new-rep-path', version: 3 })]);
  });

  it('answers a retry with the same Idempotency-Key as the first time, and a taken id with 409', async () => {
    const keyed = { ...manager, 'Idempotency-Key': 'define-new-rep-path' };
    const first = await define(newRepPath, keyed);
    const again = await define(newRepPath, keyed);
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    const taken = await define(newRepPath);
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'TRAINING_ALREADY_EXISTS' });
  });

  it.each([
    ['a programme id that is no id', { ...newRepPath, programmeId: 'new rep' }, 'programmeId'],
    ['no courses', { ...newRepPath, courseIds: [] }, 'courseIds'],
    ['a course that is no id', { ...newRepPath, courseIds: ['a b'] }, 'courseIds'],
    ['a course listed twice', { ...newRepPath, courseIds: ['closing-201', 'closing-201'] }, 'courseIds[1]'],
    ['a blank title', { ...newRepPath, title: ' ' }, 'title'],
  ])('refuses %s, naming the field and writing nothing', async (_label, body, field) => {
    const before = await events();
    expectField(await define(body), field);
    expect(await events()).toBe(before);
  });

  it('lets only division managers, sales directors and admins change programmes; dealers do not read them', async () => {
    await define(newRepPath).expect(201);
    for (const caller of [rep, teamLead, analyst, dealer]) {
      expect((await define({ ...newRepPath, programmeId: 'refused' }, caller)).status).toBe(403);
      expect((await http().put('/training/programmes/new-rep-path').set(caller).send(path)).status).toBe(403);
      expect(
        (await http().post('/training/programmes/new-rep-path/retirement').set(caller).send({ reason: 'x' })).status,
      ).toBe(403);
    }
    expect((await http().get('/training/programmes').set(dealer)).status).toBe(403);
    expect(
      (await http().post('/training/programmes/nothing/retirement').set(manager).send({ reason: 'x' })).status,
    ).toBe(404);
  });
});
