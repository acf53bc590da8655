import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import { eachTestStaffingApp } from '../../testing';
import { UnitMembership } from '../application/unit-membership.port';

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['presses-south'] });
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealer = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'nordbau' });
const southManager = asUser('manager-9', 'division-manager', 'south');
const admin = { ...bearer({ userId: 'admin-1', roles: ['admin'] }), 'X-Division-Id': 'north' };
const director = { ...bearer({ userId: 'director-1', roles: ['sales-director'] }), 'X-Division-Id': 'north' };

const cuts = { productGroups: ['presses'], segments: ['mid-market'], territories: ['south'] };
const department = { unitId: 'sales', kind: 'department', name: 'Sales', ...cuts, effectiveOn: '2026-01-01' };
const team = {
  unitId: 'presses-south',
  kind: 'team',
  name: 'Presses South',
  parentUnitId: 'sales',
  ...cuts,
  effectiveOn: '2026-02-01',
};
const closing = { reason: 'Merged into Presses North', effectiveOn: '2026-10-01' };

describe('units API: the sales organisation of a division', () => {
  const current = eachTestStaffingApp();
  const http = () => request(current().app.getHttpServer());
  const events = async () => (await current().store.readAll({ maxCount: 10_000 })).events.length;
  const open = (body: object, caller = manager) => http().post('/units').set(caller).send(body);
  const expectField = (response: request.Response, field: string) => {
    expect({ status: response.status, type: response.headers['content-type'] as string }).toEqual({
      status: 400,
      type: expect.stringContaining('application/problem+json') as unknown,
    });
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };
  const opened = async () => {
    await open(department).expect(201);
    await open(team).expect(201);
  };

  it('opens a department and a team under it, which everyone of the division reads in the tree at once', async () => {
    const created = await open(department);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/units/sales');
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      unitId: 'sales',
      divisionId: 'north',
      kind: 'department',
      status: 'open',
      openedOn: '2026-01-01',
      managers: [],
      version: 1,
    });
    expect((await open(team)).body).toMatchObject({ parentUnitId: 'sales', kind: 'team', openedOn: '2026-02-01' });

    for (const caller of [rep, teamLead, analyst, manager]) {
      const tree = await http().get('/units?asOf=2026-03-01').set(caller);
      expect(tree.status).toBe(200);
      expect(tree.body).toEqual({
        divisionId: 'north',
        asOf: '2026-03-01',
        units: [
          {
            unitId: 'sales',
            kind: 'department',
            name: 'Sales',
            ...cuts,
            openedOn: '2026-01-01',
            units: [
              {
                unitId: 'presses-south',
                kind: 'team',
                name: 'Presses South',
                ...cuts,
                openedOn: '2026-02-01',
                units: [],
              },
            ],
          },
        ],
      });
    }
    const january = await http().get('/units?asOf=2026-01-15').set(rep);
    expect(january.body.units).toEqual([expect.objectContaining({ unitId: 'sales', units: [] })]);
    const read = await http().get('/units/presses-south').set(rep);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toMatchObject({ unitId: 'presses-south', name: 'Presses South', version: 1 });
  });

  it('answers the tree of today without asOf', async () => {
    await open({ ...department, effectiveOn: '2020-01-01' }).expect(201);
    const today = await http().get('/units').set(rep);
    expect(today.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.body.units).toEqual([expect.objectContaining({ unitId: 'sales' })]);
  });

  it('renames and cuts a unit anew under If-Match, and refuses a stale version with 412, writing nothing', async () => {
    await opened();
    const revised = await http()
      .put('/units/presses-south')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ name: 'Presses South & East', productGroups: ['presses'], segments: [], territories: ['south', 'east'] });
    expect(revised.status).toBe(200);
    expect(revised.headers.etag).toBe('"2"');
    expect(revised.body).toMatchObject({ name: 'Presses South & East', segments: [], territories: ['south', 'east'] });
    const before = await events();
    const stale = await http()
      .put('/units/presses-south')
      .set(manager)
      .set('If-Match', '"1"')
      .send({ ...cuts, name: 'Stale' });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
    const tree = await http().get('/units?asOf=2026-03-01').set(rep);
    expect(tree.body.units[0].units[0].name).toBe('Presses South & East');
  });

  it('assigns managers from a day on, and the tree names the manager of the day asked about', async () => {
    await opened();
    const first = await http()
      .post('/units/presses-south/managers')
      .set(manager)
      .send({ personId: 'person-1', effectiveOn: '2026-02-01' });
    expect(first.status).toBe(201);
    expect(first.headers.etag).toBe('"2"');
    await http()
      .post('/units/presses-south/managers')
      .set(manager)
      .send({ personId: 'person-2', effectiveOn: '2027-01-01' })
      .expect(201);
    const read = await http().get('/units/presses-south').set(analyst);
    expect(read.body.managers).toEqual([
      { personId: 'person-1', effectiveOn: '2026-02-01' },
      { personId: 'person-2', effectiveOn: '2027-01-01' },
    ]);
    const managerOf = async (day: string) =>
      ((await http().get(`/units?asOf=${day}`).set(rep)).body.units[0].units[0] as { managerPersonId?: string })
        .managerPersonId;
    expect([await managerOf('2026-06-01'), await managerOf('2027-01-01')]).toEqual(['person-1', 'person-2']);
  });

  it('closes a unit from a day on: the tree shows it until the day before, and it takes no change after', async () => {
    await opened();
    const closed = await http().post('/units/presses-south/closure').set(manager).set('If-Match', '"1"').send(closing);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-10-01', closingReason: closing.reason });
    const onDay = async (day: string) =>
      ((await http().get(`/units?asOf=${day}`).set(rep)).body.units[0].units as unknown[]).length;
    expect([await onDay('2026-09-30'), await onDay('2026-10-01')]).toEqual([1, 0]);
    const renamed = await http()
      .put('/units/presses-south')
      .set(manager)
      .send({ ...cuts, name: 'Again' });
    expect(renamed.status).toBe(409);
    expect(renamed.body.code).toBe('UNIT_CLOSED');
    const under = await open({ ...team, unitId: 'late-team', parentUnitId: 'presses-south' });
    expect(under.status).toBe(409);
  });

  it('refuses to close a unit while units below it stay open, naming them, and while it has members', async () => {
    await opened();
    const before = await events();
    const withTeam = await http().post('/units/sales/closure').set(manager).send(closing);
    expect(withTeam.status).toBe(409);
    expect(withTeam.body).toMatchObject({ code: 'UNIT_HAS_OPEN_UNITS', openUnitIds: ['presses-south'] });

    const membership = current().app.get(UnitMembership);
    const asked: unknown[] = [];
    jest.spyOn(membership, 'memberCount').mockImplementation((...args) => {
      asked.push(args);
      return Promise.resolve(2);
    });
    const withMembers = await http().post('/units/presses-south/closure').set(manager).send(closing);
    expect(withMembers.status).toBe(409);
    expect(withMembers.body).toMatchObject({ code: 'UNIT_HAS_MEMBERS', memberCount: 2 });
    expect(asked).toEqual([['north', 'presses-south', '2026-10-01']]);
    expect(await events()).toBe(before);
  });

  it('keeps the tree’s shape: a department right under the division, no team under a team', async () => {
    await opened();
    const nested = await open({ ...department, unitId: 'sub-sales', parentUnitId: 'sales' });
    expect(nested.status).toBe(409);
    expect(nested.body).toMatchObject({ code: 'UNIT_PARENT_NOT_ALLOWED', errors: [{ field: 'parentUnitId' }] });
    const teamUnderTeam = await open({ ...team, unitId: 'sub-team', parentUnitId: 'presses-south' });
    expect(teamUnderTeam.status).toBe(409);
    expect(teamUnderTeam.body.code).toBe('UNIT_PARENT_NOT_ALLOWED');
    expectField(await open({ ...team, unitId: 'orphan', parentUnitId: 'nowhere' }), 'parentUnitId');
    expectField(await open({ ...team, unitId: 'early', effectiveOn: '2025-06-01' }), 'effectiveOn');
  });

  it('refuses an id that is taken with 409, and answers a retry with the same Idempotency-Key as the first time', async () => {
    await open(department).expect(201);
    const taken = await open(department);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ORGANISATION_ALREADY_EXISTS');

    const keyed = { ...manager, 'Idempotency-Key': 'open-presses-south' };
    const first = await open(team, keyed);
    const before = await events();
    const again = await open(team, keyed);
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    expect(await events()).toBe(before);
    const otherRequest = await open({ ...team, name: 'Other' }, keyed);
    expect(otherRequest.status).toBe(422);
  });

  it('answers 404 for a unit the division does not have, another division’s included', async () => {
    await opened();
    const calls = [
      () => http().get('/units/nothing').set(rep),
      () =>
        http()
          .put('/units/nothing')
          .set(manager)
          .send({ ...cuts, name: 'x' }),
      () => http().post('/units/nothing/managers').set(manager).send({ personId: 'p-1', effectiveOn: '2026-03-01' }),
      () => http().post('/units/nothing/closure').set(manager).send(closing),
      () => http().get('/units/presses-south').set(southManager),
      () =>
        http()
          .put('/units/presses-south')
          .set(southManager)
          .send({ ...cuts, name: 'Taken over' }),
    ];
    for (const call of calls) {
      const response = await call();
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'UNIT_NOT_FOUND' });
    }
    expect((await http().get('/units?asOf=2026-03-01').set(southManager)).body.units).toEqual([]);
  });

  describe('invalid input, answered with problem+json naming the field and writing nothing', () => {
    it.each([
      ['a unit id that is no id', { ...department, unitId: 'no spaces' }, 'unitId'],
      ['an unknown kind', { ...department, kind: 'squad' }, 'kind'],
      ['a missing name', { ...department, name: undefined }, 'name'],
      ['a name too long', { ...department, name: 'x'.repeat(121) }, 'name'],
      ['a null parent', { ...team, parentUnitId: null }, 'parentUnitId'],
      ['a product group that is no id', { ...department, productGroups: ['big presses'] }, 'productGroups'],
      ['segments that are no list', { ...department, segments: 'smb' }, 'segments'],
      ['a territory listed twice', { ...department, territories: ['south', 'south'] }, 'territories[1]'],
      ['a missing first day', { ...department, effectiveOn: undefined }, 'effectiveOn'],
      ['a first day that does not exist', { ...department, effectiveOn: '2026-02-30' }, 'effectiveOn'],
      ['an unknown field', { ...department, colour: 'red' }, 'colour'],
    ])('POST /units: %s', async (_label, body, field) => {
      expectField(await open(body), field);
      expect(await events()).toBe(0);
    });

    it.each([
      ['a missing name', { ...cuts }, 'name'],
      ['territories that are no list', { ...cuts, name: 'x', territories: 'south' }, 'territories'],
      ['a segment listed twice', { ...cuts, name: 'x', segments: ['smb', 'smb'] }, 'segments[1]'],
      ['a kind, which is fixed', { ...cuts, name: 'x', kind: 'department' }, 'kind'],
    ])('PUT /units/:unitId: %s', async (_label, body, field) => {
      await opened();
      const before = await events();
      expectField(await http().put('/units/presses-south').set(manager).send(body), field);
      expect(await events()).toBe(before);
    });

    it.each([
      ['a person id that is no id', { personId: 'p 1', effectiveOn: '2026-03-01' }, 'personId'],
      ['a missing day', { personId: 'p-1' }, 'effectiveOn'],
      ['a day before the unit opens', { personId: 'p-1', effectiveOn: '2026-01-15' }, 'effectiveOn'],
    ])('POST /units/:unitId/managers: %s', async (_label, body, field) => {
      await opened();
      const before = await events();
      expectField(await http().post('/units/presses-south/managers').set(manager).send(body), field);
      expect(await events()).toBe(before);
    });

    it.each([
      ['a missing reason', { effectiveOn: '2026-10-01' }, 'reason'],
      ['a reason too long', { ...closing, reason: 'x'.repeat(501) }, 'reason'],
      ['an instant for a day', { ...closing, effectiveOn: '2026-10-01T00:00:00Z' }, 'effectiveOn'],
      ['a day on or before the opening', { ...closing, effectiveOn: '2026-02-01' }, 'effectiveOn'],
    ])('POST /units/:unitId/closure: %s', async (_label, body, field) => {
      await opened();
      const before = await events();
      expectField(await http().post('/units/presses-south/closure').set(manager).send(body), field);
      expect(await events()).toBe(before);
    });

    it.each([
      ['GET /units with a day that is none', '/units?asOf=2026-13-01', 'asOf'],
      ['GET /units with an unknown parameter', '/units?colour=red', 'colour'],
      ['GET /units/:unitId with an id that is no id', '/units/no%20spaces', 'unitId'],
    ])('%s', async (_label, path, field) => {
      expectField(await http().get(path).set(rep), field);
    });
  });

  it('lets only division managers, sales directors and admins shape the tree; others read it, dealers not even that', async () => {
    await opened();
    const before = await events();
    for (const caller of [rep, teamLead, analyst, dealer]) {
      expect((await open({ ...department, unitId: 'refused' }, caller)).status).toBe(403);
      expect(
        (
          await http()
            .put('/units/sales')
            .set(caller)
            .send({ ...cuts, name: 'x' })
        ).status,
      ).toBe(403);
      expect(
        (await http().post('/units/sales/managers').set(caller).send({ personId: 'p', effectiveOn: '2026-03-01' }))
          .status,
      ).toBe(403);
      expect((await http().post('/units/presses-south/closure').set(caller).send(closing)).status).toBe(403);
    }
    expect((await http().get('/units').set(dealer)).status).toBe(403);
    expect((await http().get('/units/sales').set(dealer)).status).toBe(403);
    expect(await events()).toBe(before);
    for (const [unitId, caller] of [
      ['by-admin', admin],
      ['by-director', director],
    ] as const) {
      const created = await open({ ...department, unitId }, caller);
      expect({ unitId, status: created.status }).toEqual({ unitId, status: 201 });
    }
  });
});
