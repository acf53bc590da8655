import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import type { RequestContext } from '@salesos/http';
import { UnitMembership } from '../../organisation';
import { eachTestStaffingApp, recordTestOrganisation } from '../../testing';
import { EndLeaveHandler } from '../application/end-leave.handler';
import { HirePersonHandler } from '../application/hire-person.handler';
import { PeopleDirectory } from '../application/people-directory.port';
import { PersonList } from '../application/person-list.port';
import { RecordDepartureHandler } from '../application/record-departure.handler';
import { StartLeaveHandler } from '../application/start-leave.handler';
import { TransferPersonHandler } from '../application/transfer-person.handler';

/** The service's own processes act without a caller's token: no reach but the division's. */
const service: RequestContext = { divisionId: 'north', actor: { userId: 'manager-test', roles: ['division-manager'] } };
const manager = asUser('manager-7', 'division-manager', 'north');

const hire = (personId: string, unitId: string, hiredOn: string, userId?: string) => ({
  personId,
  unitId,
  positionId: 'account-executive',
  name: `Person ${personId}`,
  email: `${personId}@example.com`,
  hiredOn,
  ...(userId === undefined ? {} : { userId }),
});

describe('the people view', () => {
  const current = eachTestStaffingApp();
  const run = <T>(type: abstract new (...args: never[]) => T): T => current().app.get(type);

  /**
   * p-old worked in east under rep-mira's login before p-1 did; p-1 joins east on 2026-03-02 and moves west from
   * 2026-06-01; p-2 works in west from 2026-01-01 until 2026-09-01, on leave in April.
   */
  const story = async () => {
    const { app, store } = current();
    await recordTestOrganisation(app, store, {
      units: [
        { unitId: 'sales', kind: 'department', openedOn: '2025-01-01' },
        { unitId: 'east', parentUnitId: 'sales', openedOn: '2025-01-01' },
        { unitId: 'west', parentUnitId: 'sales', openedOn: '2025-01-01' },
      ],
      positions: [{ positionId: 'account-executive' }],
    });
    await run(HirePersonHandler).execute(hire('p-old', 'east', '2025-02-01', 'rep-mira'), service);
    await run(RecordDepartureHandler).execute('p-old', { departedOn: '2025-12-01', reason: 'left' }, service);
    await run(HirePersonHandler).execute(hire('p-1', 'east', '2026-03-02', 'rep-mira'), service);
    await run(HirePersonHandler).execute(hire('p-2', 'west', '2026-01-01'), service);
    await run(TransferPersonHandler).execute(
      'p-1',
      { toUnitId: 'west', effectiveOn: '2026-06-01', reason: 'west needs an experienced rep' },
      service,
    );
    await run(StartLeaveHandler).execute('p-2', { startsOn: '2026-04-01', reason: 'parental leave' }, service);
    await run(EndLeaveHandler).execute('p-2', { returnsOn: '2026-05-01' }, service);
    await run(RecordDepartureHandler).execute('p-2', { departedOn: '2026-09-01', reason: 'moved abroad' }, service);
  };

  it('places a person on a day as their membership history has them, and none of another division', async () => {
    await story();
    const directory = run(PeopleDirectory);
    const placed = { positionId: 'account-executive', userId: 'rep-mira' };
    expect(await directory.placementOn('north', 'p-1', '2026-03-01')).toBeUndefined();
    expect(await directory.placementOn('north', 'p-1', '2026-05-31')).toEqual({ ...placed, unitId: 'east' });
    expect(await directory.placementOn('north', 'p-1', '2026-06-01')).toEqual({ ...placed, unitId: 'west' });
    expect(await directory.placementOn('north', 'p-2', '2026-08-31')).toEqual({
      unitId: 'west',
      positionId: 'account-executive',
    });
    expect(await directory.placementOn('north', 'p-2', '2026-09-01')).toBeUndefined();
    expect(await directory.placementOn('south', 'p-1', '2026-05-31')).toBeUndefined();
  });

  it('finds the person behind a login, preferring the one who has not left', async () => {
    await story();
    const directory = run(PeopleDirectory);
    expect(await directory.personForUser('north', 'rep-mira')).toEqual({ personId: 'p-1' });
    expect(await directory.personForUser('north', 'nobody')).toBeUndefined();
    expect(await directory.personForUser('south', 'rep-mira')).toBeUndefined();
  });

  it('lists the members of units on a day, by unit then person', async () => {
    await story();
    const directory = run(PeopleDirectory);
    const member = (personId: string, unitId: string, userId?: string) => ({
      personId,
      unitId,
      positionId: 'account-executive',
      ...(userId === undefined ? {} : { userId }),
    });
    expect(await directory.membersOf('north', ['east', 'west'], '2026-04-01')).toEqual([
      member('p-1', 'east', 'rep-mira'),
      member('p-2', 'west'),
    ]);
    expect(await directory.membersOf('north', ['west', 'east'], '2026-06-01')).toEqual([
      member('p-1', 'west', 'rep-mira'),
      member('p-2', 'west'),
    ]);
    expect(await directory.membersOf('north', ['west'], '2026-09-01')).toEqual([member('p-1', 'west', 'rep-mira')]);
    expect(await directory.membersOf('north', [], '2026-06-01')).toEqual([]);
    expect(await directory.membersOf('south', ['west'], '2026-06-01')).toEqual([]);
  });

  it("says whose a person's records are on a day: their login's, and their unit's lead's", async () => {
    await story();
    const directory = run(PeopleDirectory);
    const mira = { divisionId: 'north', ownerRepId: 'rep-mira' };
    expect(await directory.reachOf('north', 'p-1', '2026-01-01')).toEqual({ ...mira, teamId: 'east' });
    expect(await directory.reachOf('north', 'p-1', '2026-05-31')).toEqual({ ...mira, teamId: 'east' });
    expect(await directory.reachOf('north', 'p-1', '2026-06-01')).toEqual({ ...mira, teamId: 'west' });
    expect(await directory.reachOf('north', 'p-2', '2027-01-01')).toEqual({
      divisionId: 'north',
      ownerRepId: null,
      teamId: 'west',
    });
    expect(await directory.reachOf('south', 'p-1', '2026-06-01')).toBeUndefined();
  });

  it('counts who belongs to a unit from a day on, a transfer still to come included', async () => {
    await story();
    const membership = run(UnitMembership);
    expect(await membership.memberCount('north', 'east', '2026-01-01')).toBe(1);
    expect(await membership.memberCount('north', 'east', '2026-06-01')).toBe(0);
    expect(await membership.memberCount('north', 'west', '2026-01-01')).toBe(2);
    expect(await membership.memberCount('north', 'west', '2026-09-01')).toBe(1);
    expect(await membership.memberCount('south', 'west', '2026-01-01')).toBe(0);
  });

  it('lists people on a day with where they stand then, filtered and paged in the database', async () => {
    await story();
    const list = run(PersonList);
    const find = (filter: object, offset = 0, limit = 50) =>
      list.find(
        { divisionId: 'north', asOf: '2026-04-15', today: '2026-04-15', scope: { kind: 'division' }, ...filter },
        offset,
        limit,
      );
    const ids = async (filter: object) => (await find(filter)).items.map((person) => person.personId);

    const april = await find({});
    expect(april.total).toBe(3);
    expect(april.items.map((person) => [person.personId, person.status, person.unitId])).toEqual([
      ['p-1', 'employed', 'east'],
      ['p-2', 'on-leave', 'west'],
      ['p-old', 'departed', undefined],
    ]);
    expect(await ids({ unitId: 'east' })).toEqual(['p-1']);
    expect(await ids({ unitId: 'west', asOf: '2026-06-01' })).toEqual(['p-1', 'p-2']);
    expect(await ids({ positionId: 'account-executive', unitId: 'west' })).toEqual(['p-2']);
    expect(await ids({ status: 'on-leave' })).toEqual(['p-2']);
    expect(await ids({ status: 'employed', asOf: '2026-04-30' })).toEqual(['p-1']);
    expect(await ids({ status: 'employed', asOf: '2026-05-01' })).toEqual(['p-1', 'p-2']);
    expect(await ids({ status: 'upcoming', asOf: '2026-02-01' })).toEqual(['p-1']);
    expect(await ids({ status: 'departed', asOf: '2026-09-01' })).toEqual(['p-2', 'p-old']);
    const second = await find({}, 1, 1);
    expect({ total: second.total, ids: second.items.map((person) => person.personId) }).toEqual({
      total: 3,
      ids: ['p-2'],
    });
  });

  it("shows each caller only the people in their reach today: a lead's units, a rep's own record", async () => {
    await story();
    const list = run(PersonList);
    const reached = async (scope: object, today: string) =>
      (await list.find({ divisionId: 'north', asOf: '2026-04-15', today, scope } as never, 0, 50)).items.map(
        (person) => person.personId,
      );
    const eastLead = { kind: 'team', teamIds: ['east'], ownerRepId: 'lead-east' };
    expect(await reached(eastLead, '2026-05-31')).toEqual(['p-1', 'p-old']);
    expect(await reached(eastLead, '2026-06-01')).toEqual(['p-old']);
    expect(await reached({ kind: 'team', teamIds: ['east'], ownerRepId: 'rep-mira' }, '2026-06-01')).toEqual([
      'p-1',
      'p-old',
    ]);
    expect(await reached({ kind: 'team', teamIds: [], ownerRepId: 'lead-east' }, '2026-06-01')).toEqual([]);
    expect(await reached({ kind: 'team', teamIds: ['west'], ownerRepId: 'x' }, '2025-12-31')).toEqual(['p-2']);
    expect(await reached({ kind: 'own', ownerRepId: 'rep-mira' }, '2026-06-01')).toEqual(['p-1', 'p-old']);
  });

  it('refuses to close a unit over HTTP while anyone belongs to it from the closing day, and closes it after', async () => {
    await story();
    const http = () => request(current().app.getHttpServer() as Parameters<typeof request>[0]);
    const closing = (effectiveOn: string) => ({ reason: 'Merged into west', effectiveOn });
    const refused = await http().post('/units/east/closure').set(manager).send(closing('2026-05-01'));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'UNIT_HAS_MEMBERS', memberCount: 1 });
    const west = await http().post('/units/west/closure').set(manager).send(closing('2026-12-01'));
    expect(west.body).toMatchObject({ code: 'UNIT_HAS_MEMBERS', memberCount: 1 });
    await http().post('/units/east/closure').set(manager).send(closing('2026-06-01')).expect(200);
  });
});
