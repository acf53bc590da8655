import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { EventStoreConfig } from '@salesos/config';
import type { EventStore } from '@salesos/event-store';
import { openEventStore } from '@salesos/event-store/factory';
import { createTestDatabase } from '@salesos/event-store/testing';
import { Clock } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import type { ReadModelsDatabase } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createLeadsApp } from '../../leads-app';
import { openLeadsDatabase } from '../../leads-database';
import { recordTestDivisions } from '../../testing';
import type { LeadImportTiming } from '../application/lead-imports';
import { SqlImportUploads } from '../projections/sql-import-uploads';

jest.setTimeout(60_000);

const headers = asUser('manager-7', 'division-manager', 'north');
const header = 'source,contact_name,contact_email,company_name,territory\r\n';
const rows = (count: number) =>
  Array.from(
    { length: count },
    (_, index) => `web,Lead ${index + 1},lead${index + 1}@restart.test,Company ${index + 1},berlin\r\n`,
  ).join('');

class MovableClock extends Clock {
  current = new Date('2026-03-01T09:00:00.000Z');
  now(): Date {
    return this.current;
  }
}

/** The store as a process that stops dead sees it: the job's appends after its first `jobWrites` never return. */
function dyingAfter(store: EventStore, jobWrites: number) {
  let writes = 0;
  let fail: (error: Error) => void = () => undefined;
  const gate = new Promise<never>((_, reject) => {
    fail = reject;
  });
  gate.catch(() => undefined);
  const dying: EventStore = new Proxy(store, {
    get(target, property) {
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          if (args[0].startsWith('leadimport-') && ++writes > jobWrites) await gate;
          return target.append(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: dying, wake: () => fail(new Error('connection reset')) };
}

type Engine = {
  name: string;
  open: () => Promise<{ events: EventStoreConfig; database: ReadModelsDatabase; drop: () => Promise<void> }>;
};

const engines: Engine[] = [
  {
    name: 'PostgreSQL',
    open: async () => {
      const test = await createTestDatabase('lead_import_restart');
      return {
        events: { kind: 'postgres', url: test.url },
        database: { kind: 'postgres', url: test.url },
        drop: test.drop,
      };
    },
  },
  {
    name: 'SQLite files',
    open: () => {
      const folder = mkdtempSync(join(tmpdir(), 'salesos-import-restart-'));
      return Promise.resolve({
        events: { kind: 'sqlite', filename: join(folder, 'events.db') },
        database: { kind: 'sqlite', filename: join(folder, 'leads.db') },
        drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
      });
    },
  },
];

describe.each(engines)('a lead import across a restart, on $name', (engine) => {
  let store: EventStore;
  let database: DataSource;
  let drop: () => Promise<void>;
  let clock: MovableClock;
  const apps: INestApplication[] = [];

  const boot = async (on: EventStore, timing: Partial<LeadImportTiming> = {}) => {
    const app = await createLeadsApp({
      auth: testAuth.verifier,
      store: on,
      database,
      clock,
      logger: silentLogger,
      imports: { timing: { resumeEveryMs: 0, ...timing } },
    });
    await app.init();
    await recordTestDivisions(app);
    apps.push(app);
    return app;
  };
  const captured = async () =>
    (await store.readAll({ maxCount: 100_000 })).events
      .filter((event) => event.type === 'LeadCaptured')
      .map((event) => (event.data as { company: { name: string } }).company.name);

  beforeEach(async () => {
    const opened = await engine.open();
    drop = opened.drop;
    store = await openEventStore(opened.events);
    database = await openLeadsDatabase(opened.database);
    clock = new MovableClock();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await store.close();
    await database.destroy();
    await drop();
  });

  it('finishes an import whose process died mid-way after the restart, with the stored file, each row once', async () => {
    const dying = dyingAfter(store, 3);
    const first = await boot(dying.store, { progressEveryMs: 0, stopWaitMs: 50 });
    const started = await request(first.getHttpServer() as Server)
      .post('/leads/imports')
      .set(headers)
      .set('Content-Type', 'text/csv')
      .send(header + rows(8));
    expect(started.status).toBe(202);
    const importId = (started.body as { importId: string }).importId;
    for (let attempt = 0; attempt < 500 && (await captured()).length < 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Three rows are stored, two recorded: the process is gone before it records the third. Its run never returns,
    // its views stop; the file waits in the database.
    await first.close();
    apps.splice(0);
    const uploads = new SqlImportUploads(database);
    expect((await uploads.list()).map((upload) => upload.importId)).toEqual([importId]);

    clock.current = new Date(clock.current.getTime() + 60_000);
    const second = await boot(store);
    let job: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 1_000 && job.status !== 'done'; attempt += 1) {
      job = (
        await request(second.getHttpServer() as Server)
          .get(`/leads/imports/${importId}`)
          .set(headers)
      ).body as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(job).toMatchObject({ status: 'done', rowsTotal: 8, rowsRead: 8, accepted: 8, rejected: 0 });
    expect(await captured()).toEqual(Array.from({ length: 8 }, (_, index) => `Company ${index + 1}`));
    const types = (await store.readStream(`leadimport-${importId}`)).map((event) => event.type);
    expect(types.filter((type) => type === 'LeadImportContinued')).toHaveLength(1);
    expect(await uploads.list()).toEqual([]);
    dying.wake();
  });
});
