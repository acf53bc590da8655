import { PassThrough } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { Clock, type RequestContext } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { LeadImports } from '../application/lead-imports';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');
const caller: RequestContext = { divisionId: 'north', actor: { userId: 'rep-7', roles: ['rep'] } };
const header = 'source,contact_name,contact_email,company_name,territory\r\n';
const row = (index: number, territory = 'berlin') =>
  `web,Lead ${index},lead${index}@bulk.test,Company ${index},${territory}\r\n`;

class MovableClock extends Clock {
  constructor(public current = new Date('2026-03-01T09:00:00.000Z')) {
    super();
  }
  now(): Date {
    return this.current;
  }
}

describe('lead import jobs', () => {
  let store: MemoryEventStore;
  let clock: MovableClock;
  const apps: INestApplication[] = [];

  const boot = async (): Promise<INestApplication> => {
    const app = await createLeadsApp({ auth: testAuth.verifier, store, clock, logger: silentLogger });
    await app.init();
    await recordTestDivisions(app);
    apps.push(app);
    return app;
  };
  const http = (app: INestApplication) => request(app.getHttpServer());
  const captured = async () => (await store.readAll()).events.filter((event) => event.type === 'LeadCaptured');
  async function finished(app: INestApplication, importId: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const job = await http(app).get(`/leads/imports/${importId}`).set(headers);
      if (job.body.status !== 'running') return job.body as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('import did not finish');
  }

  beforeEach(() => {
    store = new MemoryEventStore({ pollIntervalMs: 5 });
    clock = new MovableClock();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('assigns imported rows by the division’s rules, like captures over HTTP', async () => {
    const app = await boot();
    await http(app)
      .put('/assignment-rules')
      .set(asUser('manager-1', 'division-manager', 'north'))
      .send({
        rules: [{ kind: 'territory-segment', ruleId: 'berlin-desk', territory: 'berlin', repId: 'rep-berlin' }],
      });
    const started = await http(app)
      .post('/leads/imports')
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1) + row(2, 'hamburg'));
    expect(await finished(app, started.body.importId as string)).toMatchObject({ status: 'done', accepted: 2 });
    const listed = await http(app).get('/leads?ownerRepId=rep-berlin').set(headers);
    expect(listed.body.items.map((lead: { companyName: string }) => lead.companyName)).toEqual(['Company 1']);
    const assigned = (await store.readAll()).events.find((event) => event.type === 'LeadAssigned');
    expect(assigned?.data).toMatchObject({
      repId: 'rep-berlin',
      rule: { kind: 'territory-segment', ruleId: 'berlin-desk' },
    });
  });

  it('keeps the report of a finished import after a restart', async () => {
    const first = await boot();
    const started = await http(first)
      .post('/leads/imports')
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1) + 'web,,,Nameless,berlin\r\n');
    const report = await finished(first, started.body.importId as string);
    expect(report).toMatchObject({ status: 'done', rowsRead: 2, accepted: 1, rejected: 1 });
    await first.close();
    const second = await boot();
    const after = await http(second)
      .get(`/leads/imports/${started.body.importId as string}`)
      .set(headers);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(report);
    const elsewhere = await http(second)
      .get(`/leads/imports/${started.body.importId as string}`)
      .set(asUser('manager-7', 'division-manager', 'south'));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('LEAD_IMPORT_NOT_FOUND');
  });

  it('reports a job whose process went silent as interrupted, and resumes it without storing rows twice', async () => {
    const running = await boot();
    const file = new PassThrough();
    const { job, done } = await running.get(LeadImports).start(file, caller);
    file.write(header + row(1) + row(2));
    const observer = await boot();
    for (let attempt = 0; attempt < 200 && (await captured()).length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    clock.current = new Date(clock.current.getTime() + 60_000);
    const silent = await http(observer).get(`/leads/imports/${job.importId}`).set(headers);
    expect(silent.body).toMatchObject({ status: 'interrupted', startedAt: '2026-03-01T09:00:00.000Z' });

    const resumed = await http(observer)
      .post(`/leads/imports?resumes=${job.importId}`)
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1) + row(2) + row(3));
    expect(resumed.status).toBe(202);
    expect(await finished(observer, job.importId)).toMatchObject({ status: 'done', rowsRead: 3, accepted: 3 });
    expect((await captured()).map((event) => (event.data as { company: { name: string } }).company.name)).toEqual([
      'Company 1',
      'Company 2',
      'Company 3',
    ]);

    // The silent process wakes up: it can no longer write to the job, which stays as the resumed run left it.
    file.destroy(new Error('connection reset'));
    await done;
    expect(await finished(observer, job.importId)).toMatchObject({ status: 'done', rowsRead: 3, accepted: 3 });
    const again = await http(observer)
      .post(`/leads/imports?resumes=${job.importId}`)
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LEAD_IMPORT_NOT_RESUMABLE');
  });

  it('resumes a failed import with the same file: stored rows are recognised, the rest are stored', async () => {
    const app = await boot();
    const file = new PassThrough();
    const { job, done } = await app.get(LeadImports).start(file, caller);
    file.write(header + row(1) + row(2));
    for (let attempt = 0; attempt < 200 && (await captured()).length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    file.destroy(new Error('connection reset'));
    await done;
    const failed = await http(app).get(`/leads/imports/${job.importId}`).set(headers);
    expect(failed.body).toMatchObject({ status: 'failed', error: 'connection reset', rowsRead: 2, accepted: 2 });

    const resumed = await http(app)
      .post(`/leads/imports?resumes=${job.importId}`)
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1) + row(2) + row(3));
    expect(resumed.status).toBe(202);
    expect(resumed.body.importId).toBe(job.importId);
    expect(await finished(app, job.importId)).toMatchObject({ status: 'done', rowsRead: 3, accepted: 3, rejected: 0 });
    expect(await captured()).toHaveLength(3);
  });

  it('refuses to resume an import that is unknown, of another division, or malformed', async () => {
    const app = await boot();
    const unknown = await http(app)
      .post('/leads/imports?resumes=7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11')
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1));
    expect(unknown.status).toBe(404);
    const malformed = await http(app)
      .post('/leads/imports?resumes=last-one')
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['resumes']);
    const unexpected = await http(app)
      .post('/leads/imports?restart=yes')
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + row(1));
    expect(unexpected.status).toBe(400);
    expect(await captured()).toHaveLength(0);
  });
});
