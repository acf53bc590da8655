import request from 'supertest';
import { eachTestStaffingApp, TestClock } from '../../testing';
import { callers, mira, recordNorth } from './people-api.fixture';

const { manager, southManager } = callers;
const plan = [
  { taskId: 'accounts', title: 'Collect laptop and accounts', dueDay: 0 },
  { taskId: 'product-basics', title: 'Finish the product basics course', dueDay: 14 },
];
const personIds = (response: request.Response): string[] =>
  (response.body.items as Array<{ personId: string }>).map((person) => person.personId);
const transfer = { toUnitId: 'west', effectiveOn: '2026-06-01', reason: 'West needs an experienced rep' };

describe('people API: a person from hire to departure', () => {
  const clock = new TestClock();
  const current = eachTestStaffingApp({ clock });
  const http = () => request(current().app.getHttpServer() as Parameters<typeof request>[0]);
  const events = async () => (await current().store.readAll({ maxCount: 10_000 })).events.length;
  const expectField = (response: request.Response, field: string) => {
    expect({ status: response.status, type: response.headers['content-type'] as string }).toEqual({
      status: 400,
      type: expect.stringContaining('application/problem+json') as unknown,
    });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  beforeEach(async () => {
    clock.setDay('2026-04-15');
    await recordNorth(current().app);
  });

  it('hires a person who joins their unit from the first day, readable at once with their history', async () => {
    const hired = await http()
      .post('/people')
      .set(manager)
      .send({ ...mira, personId: 'p-ada', name: 'Ada Berg', email: 'ada@example.com', hiredOn: '2026-05-04' });
    expect(hired.status).toBe(201);
    expect(hired.headers.location).toBe('/people/p-ada');
    expect(hired.headers.etag).toBe('"2"');
    expect(hired.body).toMatchObject({ personId: 'p-ada', status: 'upcoming', asOf: '2026-04-15', rampShare: 0 });
    expect(hired.body.placement).toBeUndefined();

    const read = await http().get('/people/p-mira').set(manager);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"2"');
    expect(read.body).toEqual({
      personId: 'p-mira',
      divisionId: 'north',
      name: 'Mira Jansen',
      email: 'mira.jansen@example.com',
      userId: 'rep-mira',
      hiredOn: '2026-03-02',
      asOf: '2026-04-15',
      status: 'employed',
      placement: { unitId: 'east', positionId: 'account-executive', since: '2026-03-02' },
      memberships: [
        {
          change: 'joined',
          unitId: 'east',
          positionId: 'account-executive',
          effectiveOn: '2026-03-02',
          from: '2026-03-02',
        },
      ],
      onboarding: [],
      rampShare: 1,
      leaves: [],
      version: 2,
    });
  });

  it('makes the id from the Idempotency-Key when none is given, so a retried hire hires once', async () => {
    const { personId: _id, ...withoutId } = mira;
    const keyed = { ...manager, 'Idempotency-Key': 'hire-ada' };
    const ada = { ...withoutId, name: 'Ada Berg', email: 'ada@example.com', userId: 'rep-ada' };
    const first = await http().post('/people').set(keyed).send(ada);
    expect(first.status).toBe(201);
    const before = await events();
    const again = await http().post('/people').set(keyed).send(ada);
    expect({ status: again.status, body: again.body, location: again.headers.location }).toEqual({
      status: 201,
      body: first.body,
      location: first.headers.location,
    });
    expect(await events()).toBe(before);
    expect(
      (
        await http()
          .post('/people')
          .set(keyed)
          .send({ ...ada, name: 'Other' })
      ).status,
    ).toBe(422);
  });

  it('plans onboarding, ticks its tasks with who did them, and sets the ramp, each under If-Match', async () => {
    const planned = await http()
      .put('/people/p-mira/onboarding-plan')
      .set(manager)
      .set('If-Match', '"2"')
      .send({ tasks: plan });
    expect(planned.status).toBe(200);
    expect(planned.headers.etag).toBe('"3"');
    const ticked = await http().post('/people/p-mira/onboarding-plan/tasks/accounts/completion').set(callers.eastLead);
    expect(ticked.status).toBe(200);
    expect(ticked.body.onboarding).toEqual([
      {
        ...plan[0],
        dueOn: '2026-03-02',
        completion: { taskId: 'accounts', completedBy: 'lead-east', completedAt: '2026-04-15T09:00:00.000Z' },
      },
      { ...plan[1], dueOn: '2026-03-16' },
    ]);
    const again = await http().post('/people/p-mira/onboarding-plan/tasks/accounts/completion').set(manager);
    expect({ status: again.status, etag: again.headers.etag }).toEqual({ status: 200, etag: '"4"' });

    const ramped = await http()
      .put('/people/p-mira/ramp-schedule')
      .set(manager)
      .send({ monthlyShares: [0.25, 0.5, 0.75, 1] });
    expect(ramped.body).toMatchObject({ rampSchedule: [0.25, 0.5, 0.75, 1], rampShare: 0.5 });
    clock.setDay('2026-06-02');
    expect((await http().get('/people/p-mira').set(manager)).body.rampShare).toBe(1);

    const before = await events();
    const stale = await http()
      .put('/people/p-mira/ramp-schedule')
      .set(manager)
      .set('If-Match', '"2"')
      .send({ monthlyShares: [1] });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
  });

  it('transfers from a day still to come: the record shows it ahead, the placement changes on the day', async () => {
    const moved = await http().post('/people/p-mira/transfers').set(manager).send(transfer);
    expect(moved.status).toBe(201);
    expect(moved.body.placement).toMatchObject({ unitId: 'east' });
    expect(moved.body.memberships).toEqual([
      expect.objectContaining({ change: 'joined', unitId: 'east', until: '2026-06-01' }),
      expect.objectContaining({ change: 'transferred', unitId: 'west', from: '2026-06-01', reason: transfer.reason }),
    ]);
    const onDay = async (day: string) => personIds(await http().get(`/people?asOf=${day}&unitId=west`).set(manager));
    expect([await onDay('2026-05-31'), await onDay('2026-06-01')]).toEqual([[], ['p-mira']]);
    clock.setDay('2026-06-01');
    expect((await http().get('/people/p-mira').set(manager)).body.placement).toEqual({
      unitId: 'west',
      positionId: 'account-executive',
      since: '2026-06-01',
    });
  });

  it('records leave and the return, and a departure after which nothing changes', async () => {
    const away = await http()
      .post('/people/p-mira/leave')
      .set(manager)
      .send({ startsOn: '2026-04-13', reason: 'Parental leave' });
    expect(away.body).toMatchObject({ status: 'on-leave', leaves: [{ startsOn: '2026-04-13' }] });
    const twice = await http()
      .post('/people/p-mira/leave')
      .set(manager)
      .send({ startsOn: '2026-04-14', reason: 'Again' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'PERSON_INVALID_TRANSITION', personStatus: 'on-leave' });
    const back = await http().post('/people/p-mira/return').set(manager).send({ returnsOn: '2026-04-15' });
    expect(back.body).toMatchObject({
      status: 'employed',
      leaves: [{ startsOn: '2026-04-13', returnsOn: '2026-04-15' }],
    });
    const notAway = await http().post('/people/p-mira/return').set(manager).send({ returnsOn: '2026-05-01' });
    expect(notAway.status).toBe(409);

    const gone = await http()
      .post('/people/p-mira/departure')
      .set(manager)
      .send({ departedOn: '2026-07-01', reason: 'Moved abroad' });
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ status: 'employed', departure: { departedOn: '2026-07-01' } });
    expect(gone.body.memberships[0]).toMatchObject({ until: '2026-07-01' });
    const after = await http()
      .put('/people/p-mira/ramp-schedule')
      .set(manager)
      .send({ monthlyShares: [1] });
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'PERSON_INVALID_TRANSITION', personStatus: 'departed' });
    clock.setDay('2026-07-01');
    expect((await http().get('/people/p-mira').set(manager)).body).toMatchObject({ status: 'departed', rampShare: 0 });
  });

  it('keeps a unit from closing while anyone belongs to it from the closing day, a transfer into it included', async () => {
    const closing = { reason: 'Merged', effectiveOn: '2026-08-01' };
    await http().post('/people/p-mira/transfers').set(manager).send(transfer).expect(201);
    const east = await http().post('/units/east/closure').set(manager).send(closing);
    expect(east.body).toMatchObject({ code: 'UNIT_HAS_MEMBERS', memberCount: 1 });
    const west = await http().post('/units/west/closure').set(manager).send(closing);
    expect(west.body).toMatchObject({ code: 'UNIT_HAS_MEMBERS', memberCount: 1 });
    await http()
      .post('/people/p-lead/transfers')
      .set(manager)
      .send({ ...transfer, effectiveOn: '2026-08-01' })
      .expect(201);
    await http().post('/units/east/closure').set(manager).send(closing).expect(200);
  });

  it('lists people on a day, filtered and paged, each with where they stand then', async () => {
    await http()
      .post('/people')
      .set(manager)
      .send({
        ...mira,
        personId: 'p-ada',
        name: 'ada Berg',
        email: 'ada@example.com',
        unitId: 'west',
        userId: 'rep-ada',
      })
      .expect(201);
    const list = await http().get('/people').set(manager);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ asOf: '2026-04-15', page: 1, pageSize: 50, total: 3 });
    expect(personIds(list)).toEqual(['p-ada', 'p-lead', 'p-mira']);
    expect(list.body.items[2]).toEqual({
      personId: 'p-mira',
      name: 'Mira Jansen',
      email: 'mira.jansen@example.com',
      userId: 'rep-mira',
      hiredOn: '2026-03-02',
      status: 'employed',
      unitId: 'east',
      positionId: 'account-executive',
      since: '2026-03-02',
      version: 2,
    });
    const ids = async (query: string) => personIds(await http().get(`/people?${query}`).set(manager));
    expect(await ids('unitId=east')).toEqual(['p-lead', 'p-mira']);
    expect(await ids('unitId=east&asOf=2026-03-01')).toEqual(['p-lead']);
    expect(await ids('status=upcoming&asOf=2026-03-01')).toEqual(['p-ada', 'p-mira']);
    expect(await ids('positionId=senior-account-executive')).toEqual([]);
    const second = await http().get('/people?page=2&pageSize=2').set(manager);
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3, items: [{ personId: 'p-mira' }] });
  });

  it('answers 409 for a person id that is taken, and refuses a placement the organisation does not have open', async () => {
    const taken = await http().post('/people').set(manager).send(mira);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('PERSON_ALREADY_EXISTS');
    const before = await events();
    const fresh = { ...mira, personId: 'p-new' };
    expectField(
      await http()
        .post('/people')
        .set(manager)
        .send({ ...fresh, unitId: 'nowhere' }),
      'unitId',
    );
    expectField(
      await http()
        .post('/people')
        .set(manager)
        .send({ ...fresh, unitId: 'later' }),
      'unitId',
    );
    expectField(
      await http()
        .post('/people')
        .set(manager)
        .send({ ...fresh, positionId: 'old-position' }),
      'positionId',
    );
    expectField(
      await http()
        .post('/people/p-mira/transfers')
        .set(manager)
        .send({ ...transfer, toPositionId: 'old-position' }),
      'toPositionId',
    );
    expect(await events()).toBe(before);
    await http()
      .post('/people/p-mira/transfers')
      .set(manager)
      .send({ ...transfer, toUnitId: 'later', effectiveOn: '2026-09-01' })
      .expect(201);
  });

  it('answers 404 for a person the division does not have, another division’s included', async () => {
    const calls = [
      () => http().get('/people/nobody').set(manager),
      () => http().put('/people/nobody/onboarding-plan').set(manager).send({ tasks: plan }),
      () => http().post('/people/nobody/onboarding-plan/tasks/accounts/completion').set(manager),
      () =>
        http()
          .put('/people/nobody/ramp-schedule')
          .set(manager)
          .send({ monthlyShares: [1] }),
      () => http().post('/people/nobody/transfers').set(manager).send(transfer),
      () => http().post('/people/nobody/leave').set(manager).send({ startsOn: '2026-05-01', reason: 'x' }),
      () => http().post('/people/nobody/return').set(manager).send({ returnsOn: '2026-05-01' }),
      () => http().post('/people/nobody/departure').set(manager).send({ departedOn: '2026-05-01', reason: 'x' }),
      () => http().get('/people/p-mira').set(southManager),
      () =>
        http()
          .put('/people/p-mira/ramp-schedule')
          .set(southManager)
          .send({ monthlyShares: [1] }),
      () => http().post('/people/p-mira/departure').set(southManager).send({ departedOn: '2026-05-01', reason: 'x' }),
    ];
    const before = await events();
    for (const call of calls) {
      const response = await call();
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'PERSON_NOT_FOUND' });
    }
    expect(await events()).toBe(before);
    expect((await http().get('/people').set(southManager)).body).toMatchObject({ items: [], total: 0 });
  });

  describe('invalid input, answered with problem+json naming the field and writing nothing', () => {
    it.each([
      ['a person id that is no id', { ...mira, personId: 'p 1' }, 'personId'],
      ['a missing name', { ...mira, personId: 'p-2', name: undefined }, 'name'],
      ['an email that is none', { ...mira, personId: 'p-2', email: 'mira' }, 'email'],
      ['a null login', { ...mira, personId: 'p-2', userId: null }, 'userId'],
      ['a first day that does not exist', { ...mira, personId: 'p-2', hiredOn: '2026-02-30' }, 'hiredOn'],
      ['an instant for the first day', { ...mira, personId: 'p-2', hiredOn: '2026-03-02T00:00:00Z' }, 'hiredOn'],
      ['an unknown field', { ...mira, personId: 'p-2', salary: 1 }, 'salary'],
    ])('POST /people: %s', async (_label, body, field) => {
      const before = await events();
      expectField(await http().post('/people').set(manager).send(body), field);
      expect(await events()).toBe(before);
    });

    it.each([
      ['PUT onboarding-plan without tasks', 'put', 'onboarding-plan', { tasks: [] }, 'tasks'],
      [
        'PUT onboarding-plan with a task due before the first day',
        'put',
        'onboarding-plan',
        { tasks: [{ ...plan[0], dueDay: -1 }] },
        'tasks[0].dueDay',
      ],
      [
        'PUT onboarding-plan with a task listed twice',
        'put',
        'onboarding-plan',
        { tasks: [plan[0], plan[0]] },
        'tasks[1].taskId',
      ],
      [
        'PUT ramp-schedule with a share above 1',
        'put',
        'ramp-schedule',
        { monthlyShares: [0.5, 1.5] },
        'monthlyShares',
      ],
      [
        'PUT ramp-schedule with a falling ramp',
        'put',
        'ramp-schedule',
        { monthlyShares: [0.5, 0.4, 1] },
        'monthlyShares[1]',
      ],
      [
        'PUT ramp-schedule that ends below full quota',
        'put',
        'ramp-schedule',
        { monthlyShares: [0.5] },
        'monthlyShares[0]',
      ],
      [
        'POST transfers naming neither unit nor position',
        'post',
        'transfers',
        { ...transfer, toUnitId: undefined },
        'toUnitId',
      ],
      [
        'POST transfers before the first day',
        'post',
        'transfers',
        { ...transfer, effectiveOn: '2026-03-01' },
        'effectiveOn',
      ],
      ['POST transfers without a reason', 'post', 'transfers', { ...transfer, reason: '' }, 'reason'],
      ['POST leave on a week date', 'post', 'leave', { startsOn: '2026-W20', reason: 'x' }, 'startsOn'],
      ['POST leave before the first day', 'post', 'leave', { startsOn: '2026-03-01', reason: 'x' }, 'startsOn'],
      ['POST return without a day', 'post', 'return', {}, 'returnsOn'],
      ['POST departure with a null reason', 'post', 'departure', { departedOn: '2026-07-01', reason: null }, 'reason'],
      [
        'POST departure before the last change',
        'post',
        'departure',
        { departedOn: '2026-03-01', reason: 'x' },
        'departedOn',
      ],
    ])('%s', async (_label, method, path, body, field) => {
      const before = await events();
      const sent = http()[method as 'put' | 'post'](`/people/p-mira/${path}`).set(manager).send(body);
      expectField(await sent, field);
      expect(await events()).toBe(before);
    });

    it('POST …/tasks/:taskId/completion: a task the plan does not have', async () => {
      await http().put('/people/p-mira/onboarding-plan').set(manager).send({ tasks: plan }).expect(200);
      expectField(await http().post('/people/p-mira/onboarding-plan/tasks/nothing/completion').set(manager), 'taskId');
      expectField(await http().post('/people/p-mira/onboarding-plan/tasks/no%20id/completion').set(manager), 'taskId');
    });

    it.each([
      ['a status none has', '/people?status=retired', 'status'],
      ['a day that is none', '/people?asOf=2026-13-01', 'asOf'],
      ['a unit id that is no id', '/people?unitId=a%20b', 'unitId'],
      ['a page size above 200', '/people?pageSize=201', 'pageSize'],
      ['an unknown parameter', '/people?colour=red', 'colour'],
      ['a person id that is no id', '/people/no%20id', 'personId'],
      ['a parameter a person read does not take', '/people/p-mira?asOf=2026-01-01', 'asOf'],
    ])('GET %s', async (_label, path, field) => {
      expectField(await http().get(path).set(manager), field);
    });
  });
});
