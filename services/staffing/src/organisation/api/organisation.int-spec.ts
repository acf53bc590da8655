import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createStaffingApp } from '../../staffing-app';
import { openStaffingDatabase } from '../../staffing-database';

jest.setTimeout(60_000);

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const cuts = { productGroups: ['presses'], segments: ['mid-market'], territories: ['south'] };

describe('the organisation on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let views: DataSource;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('staffing_organisation');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    views = await openStaffingDatabase({ kind: 'postgres', url: database.url });
    app = await createStaffingApp({ auth: testAuth.verifier, store, database: views });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await views.destroy();
    await store.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const unitsOn = async (day: string) =>
    ((await http().get(`/units?asOf=${day}`).set(rep)).body as { units: unknown[] }).units;

  it('keeps the tree, finds the units below a unit before it closes, and lists positions by title in code-point order', async () => {
    const open = (body: object) => http().post('/units').set(manager).send(body).expect(201);
    await open({ unitId: 'sales', kind: 'department', name: 'Sales', ...cuts, effectiveOn: '2026-01-01' });
    await open({
      unitId: 'b-team',
      kind: 'team',
      name: 'beta',
      parentUnitId: 'sales',
      ...cuts,
      effectiveOn: '2026-01-01',
    });
    await open({
      unitId: 'a-team',
      kind: 'team',
      name: 'Alpha',
      parentUnitId: 'sales',
      ...cuts,
      effectiveOn: '2026-02-01',
    });
    await http().post('/units/a-team/managers').set(manager).send({ personId: 'p-1', effectiveOn: '2026-02-01' });

    expect(await unitsOn('2026-03-01')).toEqual([
      expect.objectContaining({
        unitId: 'sales',
        units: [
          expect.objectContaining({ unitId: 'a-team', managerPersonId: 'p-1' }),
          expect.objectContaining({ unitId: 'b-team' }),
        ],
      }),
    ]);

    const refused = await http()
      .post('/units/sales/closure')
      .set(manager)
      .send({ reason: 'x', effectiveOn: '2026-06-01' });
    expect(refused.body).toMatchObject({ code: 'UNIT_HAS_OPEN_UNITS', openUnitIds: ['a-team', 'b-team'] });
    for (const unitId of ['a-team', 'b-team']) {
      await http()
        .post(`/units/${unitId}/closure`)
        .set(manager)
        .send({ reason: 'x', effectiveOn: '2026-06-01' })
        .expect(200);
    }
    await http().post('/units/sales/closure').set(manager).send({ reason: 'x', effectiveOn: '2026-06-01' }).expect(200);
    expect(await unitsOn('2026-06-01')).toEqual([]);

    for (const [positionId, title] of [
      ['p-b', 'account executive'],
      ['p-a', 'Sales engineer'],
      ['p-c', 'Account executive'],
    ]) {
      await http()
        .post('/positions')
        .set(manager)
        .send({ positionId, title, duties: [], requiredCertifications: [] })
        .expect(201);
    }
    const positions = (await http().get('/positions').set(rep)).body as { items: Array<{ positionId: string }> };
    expect(positions.items.map((item) => item.positionId)).toEqual(['p-c', 'p-a', 'p-b']);
  });
});
