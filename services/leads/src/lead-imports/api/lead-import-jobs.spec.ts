import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type EventStore, MemoryEventStore } from '@salesos/event-store';
import { Clock } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { LeadImports, type LeadImportTiming } from '../application/lead-imports';
import { MemoryImportUploads } from '../projections/memory-import-uploads';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');
const header = 'source,contact_name,contact_email,company_name,territory\r\n';
const row = (index: number, territory = 'berlin') =>
  `web,Lead ${index},lead${index}@bulk.test,Company ${index},${territory}\r\n`;
const rows = (count: number) => Array.from({ length: count }, (_, index) => row(index + 1)).join('');

jest.setTimeout(20_000);

class MovableClock extends Clock {
  constructor(public current = new Date('2026-03-01T09:00:00.000Z')) {
    super();
  }
  now(): Date {
    return this.current;
  }
}

/**
 * The event store as a process that stops dead sees it: after `writes` appends to streams starting with `prefix`
 * (lead streams by default), every further one waits, until `release` lets them through or `fail` makes them fail.
 */
function stalling(store: MemoryEventStore, allowed: number, prefix = 'lead-') {
  let writes = 0;
  let open: () => void = () => undefined;
  let broken: (error: Error) => void = () => undefined;
  const gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    broken = reject;
  });
  gate.catch(() => undefined);
  const stalled: EventStore = new Proxy(store, {
    get(target, property) {
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          if (args[0].startsWith(prefix)) {
            writes += 1;
            if (writes > allowed) await gate;
          }
          return target.append(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: stalled, release: () => open(), fail: (error: Error) => broken(error) };
}

describe('lead import jobs', () => {
  let store: MemoryEventStore;
  let uploads: MemoryImportUploads;
  let clock: MovableClock;
  const apps: INestApplication[] = [];

  const boot = async (
    options: { store?: EventStore; timing?: Partial<LeadImportTiming> } = {},
  ): Promise<INestApplication> => {
    const app = await createLeadsApp({
      auth: testAuth.verifier,
      store: options.store ?? store,
      clock,
      logger: silentLogger,
      imports: { uploads, timing: { resumeEveryMs: 0, ...options.timing } },
    });
    await app.init();
    await recordTestDivisions(app);
    apps.push(app);
    return app;
  };
  const http = (app: INestApplication) => request(app.getHttpServer());
  const upload = (app: INestApplication, csv: string, path = '/leads/imports') =>
    http(app).post(path).set(headers).set('Content-Type', 'text/csv').send(csv);
  const events = async () => (await store.readAll({ maxCount: 100_000 })).events;
  const captured = async () =>
    (await events())
      .filter((event) => event.type === 'LeadCaptured')
      .map((event) => (event.data as { company: { name: string } }).company.name);
  const jobEvents = async (importId: string) =>
    (await store.readStream(`leadimport-${importId}`)).map((event) => event.type);
  async function finished(app: INestApplication, importId: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const job = await http(app).get(`/leads/imports/${importId}`).set(headers);
      if (job.body.status === 'done' || job.body.status === 'failed') return job.body as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('import did not finish');
  }
  async function until(condition: () => Promise<boolean>): Promise<void> {
    for (let attempt = 0; attempt < 500 && !(await condition()); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!(await condition())) throw new Error('the condition never held');
  }

  beforeEach(() => {
    store = new MemoryEventStore({ pollIntervalMs: 5 });
    uploads = new MemoryImportUploads();
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
    const started = await upload(app, header + row(1) + row(2, 'hamburg'));
    expect(await finished(app, started.body.importId as string)).toMatchObject({ status: 'done', accepted: 2 });
    const listed = await http(app).get('/leads?ownerRepId=rep-berlin').set(headers);
    expect(listed.body.items.map((lead: { companyName: string }) => lead.companyName)).toEqual(['Company 1']);
    const assigned = (await events()).find((event) => event.type === 'LeadAssigned');
    expect(assigned?.data).toMatchObject({
      repId: 'rep-berlin',
      rule: { kind: 'territory-segment', ruleId: 'berlin-desk' },
    });
  });

  it('keeps the report of a finished import after a restart, and its stored file no longer', async () => {
    const first = await boot();
    const started = await upload(first, header + row(1) + 'web,,,Nameless,berlin\r\n');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', rowsTotal: 2 });
    const report = await finished(first, started.body.importId as string);
    expect(report).toMatchObject({ status: 'done', rowsRead: 2, accepted: 1, rejected: 1 });
    expect(await uploads.list()).toEqual([]);
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

  it('finishes a job whose process died mid-way after a restart, from the stored file, each row stored once', async () => {
    // The first process records its progress after every row; it stores the second lead and dies before it can
    // record that: the restart must recognise that row, not store it again.
    const dying = stalling(store, 2, 'leadimport-');
    const first = await boot({ store: dying.store, timing: { progressEveryMs: 0 } });
    const started = await upload(first, header + rows(6));
    const importId = started.body.importId as string;
    await until(async () => (await captured()).length === 2);
    expect(await jobEvents(importId)).toEqual(['LeadImportStarted', 'LeadImportProgressed']);

    // Silent for longer than a run may be: the job reads as interrupted; a restarted service continues it by itself.
    clock.current = new Date(clock.current.getTime() + 60_000);
    const second = await boot();
    const interruptedOrRunning = await http(second).get(`/leads/imports/${importId}`).set(headers);
    expect(['running', 'done']).toContain(interruptedOrRunning.body.status);
    const report = await finished(second, importId);
    expect(report).toMatchObject({ status: 'done', rowsTotal: 6, rowsRead: 6, accepted: 6, rejected: 0 });
    expect(await captured()).toEqual([1, 2, 3, 4, 5, 6].map((index) => `Company ${index}`));
    expect(await jobEvents(importId)).toEqual([
      'LeadImportStarted',
      'LeadImportProgressed',
      'LeadImportContinued',
      'LeadImportFinished',
    ]);
    expect(await uploads.list()).toEqual([]);

    // The dead process comes back to life: it can no longer write to the job, which stays as the restart left it.
    dying.fail(new Error('connection reset'));
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    expect(await finished(second, importId)).toEqual(report);
    expect(await captured()).toHaveLength(6);
  });

  it('records where a stopping instance left its job, and the next start continues it at once', async () => {
    const slow = stalling(store, 2);
    const first = await boot({ store: slow.store });
    const started = await upload(first, header + rows(5));
    const importId = started.body.importId as string;
    await until(async () => (await captured()).length === 2);
    const stopped = first.close();
    apps.splice(apps.indexOf(first), 1);
    slow.release();
    await stopped;
    const events = await jobEvents(importId);
    expect(events.at(-1)).toBe('LeadImportInterrupted');
    const second = await boot();
    expect(await finished(second, importId)).toMatchObject({ status: 'done', rowsRead: 5, accepted: 5 });
    expect(await captured()).toEqual([1, 2, 3, 4, 5].map((index) => `Company ${index}`));
    expect(await uploads.list()).toEqual([]);
  });

  it('lets one of two instances racing to continue an interrupted job win; the other leaves it alone', async () => {
    const dead = stalling(store, 1);
    const first = await boot({ store: dead.store });
    const importId = (await upload(first, header + rows(4))).body.importId as string;
    await until(async () => (await captured()).length === 1);
    const [a, b] = [await boot(), await boot()];
    clock.current = new Date(clock.current.getTime() + 60_000);
    const claims = await Promise.all([a.get(LeadImports).resumeInterrupted(), b.get(LeadImports).resumeInterrupted()]);
    expect(claims.flat()).toEqual([importId]);
    const winner = claims[0]?.length === 1 ? a : b;
    expect(await finished(winner, importId)).toMatchObject({ status: 'done', rowsRead: 4, accepted: 4 });
    expect((await jobEvents(importId)).filter((type) => type === 'LeadImportContinued')).toHaveLength(1);
    expect(await captured()).toEqual([1, 2, 3, 4].map((index) => `Company ${index}`));
    dead.fail(new Error('connection reset'));
  });

  it('removes stored files nobody will read: of requests that broke off, and of jobs that ended', async () => {
    const app = await boot();
    const importId = (await upload(app, header + rows(2))).body.importId as string;
    await finished(app, importId);
    const at = clock.current;
    // A job that ended before its file could be removed; a whole file whose job was never recorded; a file still
    // arriving (slowly) and one abandoned an hour ago.
    const [startedEvent] = await store.readStream(`leadimport-${importId}`);
    const ended = (startedEvent?.data as { uploadId: string }).uploadId;
    await uploads.begin({ uploadId: ended, importId, divisionId: 'north', at });
    await uploads.complete(ended, 0, at);
    await uploads.begin({
      uploadId: 'orphan',
      importId: '5b0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11',
      divisionId: 'north',
      at,
    });
    await uploads.complete('orphan', 0, at);
    await uploads.begin({
      uploadId: 'arriving',
      importId: '6b0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11',
      divisionId: 'north',
      at,
    });
    await uploads.begin({
      uploadId: 'abandoned',
      importId: '7b0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11',
      divisionId: 'north',
      at: new Date(at.getTime() - 3_700_000),
    });
    clock.current = new Date(at.getTime() + 60_000);
    expect(await app.get(LeadImports).resumeInterrupted()).toEqual([]);
    expect((await uploads.list()).map((stored) => stored.uploadId)).toEqual(['arriving']);
  });

  it('resumes a failed import with the file sent again: stored rows are recognised, the rest are stored', async () => {
    const app = await boot();
    const broken = await upload(app, header + row(1) + row(2) + 'web,"Unclosed,x,y,z\r\n');
    const importId = broken.body.importId as string;
    expect(await finished(app, importId)).toMatchObject({
      status: 'failed',
      error: 'The CSV ends inside a quoted field',
      rowsRead: 2,
      accepted: 2,
    });
    expect(await uploads.list()).toEqual([]);

    const resumed = await upload(app, header + rows(3), `/leads/imports?resumes=${importId}`);
    expect(resumed.status).toBe(202);
    expect(resumed.body.importId).toBe(importId);
    expect(await finished(app, importId)).toMatchObject({ status: 'done', rowsRead: 3, accepted: 3, rejected: 0 });
    expect(await captured()).toHaveLength(3);
    const again = await upload(app, header + row(1), `/leads/imports?resumes=${importId}`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LEAD_IMPORT_NOT_RESUMABLE');
    expect(await uploads.list()).toEqual([]);
  });

  it('refuses to resume an import that is unknown, of another division, or malformed', async () => {
    const app = await boot();
    const unknown = await upload(app, header + row(1), '/leads/imports?resumes=7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11');
    expect(unknown.status).toBe(404);
    const malformed = await upload(app, header + row(1), '/leads/imports?resumes=last-one');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['resumes']);
    const unexpected = await upload(app, header + row(1), '/leads/imports?restart=yes');
    expect(unexpected.status).toBe(400);
    expect(await captured()).toHaveLength(0);
    expect(await uploads.list()).toEqual([]);
  });
});
