import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { UnitMembership } from '../../organisation';
import { createStaffingApp } from '../../staffing-app';
import { openStaffingDatabase } from '../../staffing-database';
import { TestClock } from '../../testing';
import { PeopleDirectory } from '../application/people-directory.port';

jest.setTimeout(60_000);

const manager = asUser('manager-7', 'division-manager', 'north');
const eastLead = asUser('lead-east', 'team-lead', 'north');
const cuts = { productGroups: [], segments: [], territories: [] };

describe('people on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let views: DataSource;
  let app: INestApplication;
  const clock = new TestClock();

  beforeAll(async () => {
    database = await createTestDatabase('staffing_people');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    views = await openStaffingDatabase({ kind: 'postgres', url: database.url });
    app = await createStaffingApp({ auth: testAuth.verifier, store, database: views, clock });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await views.destroy();
    await store.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const ok = async (pending: request.Test) => {
    const response = await pending;
    if (response.status >= 300) throw new Error(`${response.status} ${response.text}`);
    return response;
  };
  const hire = (personId: string, name: string, unitId: string, userId?: string) =>
    ok(
      http()
        .post('/people')
        .set(manager)
        .send({
          personId,
          name,
          email: `${personId}@example.com`,
          unitId,
          positionId: 'account-executive',
          hiredOn: '2026-03-02',
          ...(userId === undefined ? {} : { userId }),
        }),
    );
  const ids = async (query: string, caller = manager) =>
    ((await ok(http().get(`/people?${query}`).set(caller))).body as { items: Array<{ personId: string }> }).items.map(
      (person) => person.personId,
    );

  it('keeps the people, their effective-dated memberships and leaves, and answers the directory and the list', async () => {
    for (const [unitId, parentUnitId] of [['sales'], ['east', 'sales'], ['west', 'sales']] as const) {
      await ok(
        http()
          .post('/units')
          .set(manager)
          .send({
            unitId,
            kind: parentUnitId === undefined ? 'department' : 'team',
            name: unitId,
            ...cuts,
            effectiveOn: '2026-01-01',
            ...(parentUnitId === undefined ? {} : { parentUnitId }),
          }),
      );
    }
    await ok(
      http()
        .post('/positions')
        .set(manager)
        .send({ positionId: 'account-executive', title: 'AE', duties: [], requiredCertifications: [] }),
    );
    await hire('p-lead', 'Lea', 'east', 'lead-east');
    await ok(http().post('/units/east/managers').set(manager).send({ personId: 'p-lead', effectiveOn: '2026-01-01' }));
    // Names that sort differently by code point than by a locale's collation.
    await hire('p-b', 'berg', 'east', 'rep-b');
    await hire('p-a', 'Zorn', 'east', 'rep-a');
    await hire('p-c', 'Åsa', 'west');
    await ok(
      http()
        .post('/people/p-a/transfers')
        .set(manager)
        .send({ toUnitId: 'west', effectiveOn: '2026-06-01', reason: 'West needs Zorn' }),
    );
    await ok(http().post('/people/p-c/leave').set(manager).send({ startsOn: '2026-04-01', reason: 'Leave' }));
    await ok(http().post('/people/p-b/departure').set(manager).send({ departedOn: '2026-05-01', reason: 'Left' }));

    const directory = app.get(PeopleDirectory);
    expect(await directory.placementOn('north', 'p-a', '2026-06-01')).toEqual({
      unitId: 'west',
      positionId: 'account-executive',
      userId: 'rep-a',
    });
    expect(await directory.personForUser('north', 'lead-east')).toEqual({ personId: 'p-lead' });
    expect(await directory.membersOf('north', ['east', 'west'], '2026-04-15')).toEqual([
      { personId: 'p-a', userId: 'rep-a', unitId: 'east', positionId: 'account-executive' },
      { personId: 'p-b', userId: 'rep-b', unitId: 'east', positionId: 'account-executive' },
      { personId: 'p-lead', userId: 'lead-east', unitId: 'east', positionId: 'account-executive' },
      { personId: 'p-c', unitId: 'west', positionId: 'account-executive' },
    ]);
    expect(await directory.reachOf('north', 'p-b', '2026-12-01')).toEqual({
      divisionId: 'north',
      ownerRepId: 'rep-b',
      teamId: 'east',
    });
    expect(await app.get(UnitMembership).memberCount('north', 'west', '2026-12-01')).toBe(2);

    clock.setDay('2026-04-15');
    expect(await ids('')).toEqual(['p-b', 'p-lead', 'p-a', 'p-c']);
    expect(await ids('unitId=east&asOf=2026-06-01')).toEqual(['p-lead']);
    expect(await ids('status=on-leave')).toEqual(['p-c']);
    expect(await ids('status=departed&asOf=2026-05-01')).toEqual(['p-b']);
    expect(await ids('status=employed&pageSize=1&page=2')).toEqual(['p-lead']);
    expect(await ids('', eastLead)).toEqual(['p-b', 'p-lead', 'p-a']);
    clock.setDay('2026-06-01');
    expect(await ids('', eastLead)).toEqual(['p-b', 'p-lead']);

    const closing = await http()
      .post('/units/west/closure')
      .set(manager)
      .send({ reason: 'Merged', effectiveOn: '2026-12-01' });
    expect(closing.body).toMatchObject({ code: 'UNIT_HAS_MEMBERS', memberCount: 2 });
  });
});
