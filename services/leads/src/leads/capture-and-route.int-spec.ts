import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createLeadsApp } from '../leads-app';
import { recordTestDivisions } from '../testing';

jest.setTimeout(60_000);

const headers = asUser('manager-1', 'division-manager', 'north');
const rules = [{ kind: 'round-robin', ruleId: 'inside-sales', teamId: 'team-inside', repIds: ['rep-1', 'rep-2'] }];

// The store refuses, once, to take a routing: as if the process died between storing a capture and its routing.
// A sequence, unlike a table, keeps its count when the refused transaction rolls back.
const refuseOneRouting = `
  CREATE SEQUENCE event_store.routings_seen;
  CREATE FUNCTION event_store.refuse_one_routing() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.type = 'LeadAssigned' AND nextval('event_store.routings_seen') = 1 THEN
      RAISE EXCEPTION 'routing refused once by the test';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER refuse_one_routing BEFORE INSERT ON event_store.events
    FOR EACH ROW EXECUTE FUNCTION event_store.refuse_one_routing();`;

describe('capture, then route, on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('capture_route');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    app = await createLeadsApp({ auth: testAuth.verifier, store });
    await app.init();
    await recordTestDivisions(app, ['north']);
    const http = request(app.getHttpServer() as Parameters<typeof request>[0]);
    expect((await http.put('/assignment-rules').set(headers).send({ rules })).status).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    await store.close();
    await database.drop();
  });

  it('stores a capture and its routing in one step: a failed routing leaves no lead, and the retry is routed', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(refuseOneRouting);
      const http = request(app.getHttpServer() as Parameters<typeof request>[0]);
      const capture = () =>
        http
          .post('/leads')
          .set(headers)
          .set('Idempotency-Key', 'capture-once')
          .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Analytical Engines' } });

      const failed = await capture();
      expect(failed.status).toBe(500);
      expect(failed.headers['content-type']).toMatch(/application\/problem\+json/);
      const leadsAfterFailure = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_store.events WHERE category = 'lead'`,
      );
      expect(leadsAfterFailure.rows[0]?.n).toBe(0);

      const retried = await capture();
      expect(retried.status).toBe(201);
      const lead = retried.body as { leadId: string; ownerRepId?: string };
      expect(lead.ownerRepId).toBe('rep-1');
      const stored = await client.query<{ type: string }>(
        `SELECT type FROM event_store.events WHERE stream_id = $1 ORDER BY stream_version`,
        [`lead-${lead.leadId}`],
      );
      expect(stored.rows.map((row) => row.type)).toEqual(expect.arrayContaining(['LeadCaptured', 'LeadAssigned']));
      const read = await http.get(`/leads/${lead.leadId}`).set(headers);
      expect((read.body as { ownerRepId?: string }).ownerRepId).toBe('rep-1');
    } finally {
      await client.end();
    }
  });
});
