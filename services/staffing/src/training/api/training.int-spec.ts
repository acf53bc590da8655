import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { silentLogger } from '@salesos/messaging';
import { createStaffingApp } from '../../staffing-app';
import { openStaffingDatabase } from '../../staffing-database';
import { recordTestOrganisation, recordTestPeople, recordTestTraining, TestClock } from '../../testing';
import { CertificationExpiries } from '../application/certification-expiries';
import { DueCertifications } from '../application/due-certifications.port';

jest.setTimeout(60_000);

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');

describe('training on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let views: DataSource;
  let app: INestApplication;
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));

  beforeAll(async () => {
    database = await createTestDatabase('staffing_training');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    views = await openStaffingDatabase({ kind: 'postgres', url: database.url });
    app = await createStaffingApp({ auth: testAuth.verifier, store, database: views, clock, logger: silentLogger });
    await app.init();
    await recordTestOrganisation(app, store, {
      units: [
        { unitId: 'sales', kind: 'department' },
        { unitId: 'b-team', parentUnitId: 'sales' },
        { unitId: 'a-team', parentUnitId: 'sales' },
      ],
      positions: [{ positionId: 'account-executive', requiredCertifications: ['negotiation-101', 'product-basics'] }],
    });
    await recordTestPeople(app, store, [
      { personId: 'p-1', unitId: 'a-team', userId: 'rep-1' },
      { personId: 'P-2', unitId: 'a-team' },
      { personId: 'p-3', unitId: 'b-team' },
    ]);
    await recordTestTraining(app, store, {
      courses: [
        { courseId: 'negotiation-101' },
        { courseId: 'product-basics', validityMonths: 6 },
        { courseId: 'crm-hygiene', validityMonths: null },
      ],
      assessments: [
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-01-10' },
        { personId: 'P-2', courseId: 'product-basics', assessedOn: '2026-01-10' },
        { personId: 'p-3', courseId: 'product-basics', assessedOn: '2026-01-05' },
        { personId: 'p-3', courseId: 'crm-hygiene', assessedOn: '2026-01-05' },
      ],
    });
  });

  afterAll(async () => {
    await app.close();
    await views.destroy();
    await store.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);

  it("keeps the catalogue by title in code-point order, and each person's record read-your-writes", async () => {
    for (const [courseId, title] of [
      ['c-b', 'closing'],
      ['c-a', 'Objections'],
      ['c-c', 'Closing'],
    ]) {
      await http()
        .post('/training/courses')
        .set(manager)
        .send({ courseId, title, skills: ['selling'], passMark: 60 })
        .expect(201);
    }
    const courses = (await http().get('/training/courses').set(rep)).body as { items: Array<{ courseId: string }> };
    expect(courses.items.map((item) => item.courseId)).toEqual([
      'c-c',
      'crm-hygiene',
      'negotiation-101',
      'product-basics',
      'c-a',
      'c-b',
    ]);
    const assessed = await http()
      .post('/training/people/p-1/assessments')
      .set(manager)
      .send({ courseId: 'negotiation-101', score: 80, assessedOn: '2026-05-20' })
      .expect(201);
    const read = await http().get('/training/people/p-1').set(rep);
    expect({
      etag: read.headers.etag,
      certifications: (read.body as { certifications: unknown }).certifications,
    }).toEqual({
      etag: assessed.headers.etag,
      certifications: [
        expect.objectContaining({ courseId: 'product-basics', expiresOn: '2026-07-10' }),
        expect.objectContaining({ courseId: 'negotiation-101', expiresOn: '2027-05-20' }),
      ],
    });
    const readiness = await http().get('/training/units/sales/readiness').set(manager);
    expect(readiness.body).toMatchObject({ held: 4, required: 6 });
  });

  it('lists what expires soon for a unit, and expires what falls due, in order, once', async () => {
    const expiring = await http().get('/training/certifications/expiring?withinDays=60&unitId=a-team').set(manager);
    expect(
      (expiring.body as { items: Array<{ personId: string; expiresOn: string }> }).items.map(
        ({ personId, expiresOn }) => `${personId} ${expiresOn}`,
      ),
    ).toEqual(['P-2 2026-07-10', 'p-1 2026-07-10']);

    const due = app.get(DueCertifications);
    expect((await due.dueBy('2026-07-10', 10)).map(({ personId }) => personId)).toEqual(['p-3', 'P-2', 'p-1']);
    expect(await due.dueBy('2026-07-10', 2)).toHaveLength(2);

    clock.at = new Date('2026-07-10T00:30:00.000Z');
    const run = await app.get(CertificationExpiries).tick();
    expect(run.expired.map(({ personId, courseId }) => `${personId} ${courseId}`)).toEqual([
      'p-3 product-basics',
      'P-2 product-basics',
      'p-1 product-basics',
    ]);
    expect(await due.dueBy('2026-07-10', 10)).toEqual([]);
    expect(await app.get(CertificationExpiries).tick()).toEqual({ expired: [], skipped: [] });
    const { events } = await store.readAll({ filter: { eventTypes: ['CertificationExpired'] } });
    expect(events).toHaveLength(3);
    // Expired ones are no longer valid, and one that never expires is never a reminder.
    const later = await http().get('/training/certifications/expiring?withinDays=3650&unitId=b-team').set(manager);
    expect(later.body).toMatchObject({ asOf: '2026-07-10', items: [] });
  });
});
