import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { createChannelsApp } from '../../channels-app';
import { openChannelsDatabase } from '../../channels-database';
import { recordTestDealer } from '../../testing';

jest.setTimeout(60_000);

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-03-10T12:00:00.000Z');
  }
}

const rep = asUser('rep-1', 'rep', 'north');
const visit = { kind: 'visit', summary: 'Showroom', outcome: 'Demo press wanted' };

describe('the contact log on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let views: DataSource;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('channels_contacts');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    views = await openChannelsDatabase({ kind: 'postgres', url: database.url });
    app = await createChannelsApp({ auth: testAuth.verifier, store, database: views, clock: new FixedClock() });
    await app.init();
    for (const dealerId of ['dealer-1', 'dealer-2', 'dealer-3']) await recordTestDealer(app, store, { dealerId });
  });

  afterAll(async () => {
    await app.close();
    await views.destroy();
    await store.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const log = (dealerId: string, happenedAt: string, followUpDue?: string) =>
    http()
      .post(`/dealers/${dealerId}/contacts`)
      .set(rep)
      .send({ ...visit, happenedAt, ...(followUpDue === undefined ? {} : { followUpDue }) })
      .expect(201);

  it('pages a log newest first, and finds overdue follow-ups and silent dealers in SQL', async () => {
    await log('dealer-1', '2026-03-09', '2026-03-09');
    await log('dealer-1', '2026-03-10T08:00:00+01:00');
    await log('dealer-2', '2026-02-01', '2026-02-05');

    const logged = await http().get('/dealers/dealer-1/contacts?pageSize=1').set(rep);
    expect(logged.body).toMatchObject({ total: 2, items: [{ happenedAt: '2026-03-10T08:00:00+01:00' }] });

    const overdue = await http().get('/contacts/follow-ups/overdue').set(rep);
    expect((overdue.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ dealerId: 'dealer-2', daysOverdue: 33 }),
      expect.objectContaining({ dealerId: 'dealer-1', daysOverdue: 1 }),
    ]);

    const silent = await http().get('/contacts/silent-dealers?days=30&pageSize=1').set(rep);
    expect(silent.body).toMatchObject({ total: 2, items: [{ dealerId: 'dealer-3' }] });
    const next = await http().get('/contacts/silent-dealers?days=30&page=2&pageSize=1').set(rep);
    expect((next.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ dealerId: 'dealer-2', daysSince: 37 }),
    ]);
  });
});
