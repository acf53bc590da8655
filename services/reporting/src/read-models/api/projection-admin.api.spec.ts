import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { InProcessTransport, silentLogger } from '@salesos/messaging';
import { ListedTopicHistory } from '@salesos/messaging/testing';
import type { DataSource } from 'typeorm';
import { createReportingApp } from '../../reporting-app';
import { salesStory } from '../../testing';
import { openReportingDatabase } from '../../reporting-database';
import { asUser, bearer, testAuth } from '@salesos/auth/testing';

/** An admin of every division: the admin routes need no division named, the reports do. */
const admin = bearer({ userId: 'ops-1', roles: ['admin'] });
const adminOfNorth = { ...admin, 'X-Division-Id': 'north' };

describe('projection admin API', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  /** Every reader a rebuild opened; while `holdReads`, a new one holds its reads back until opened. */
  let readers: ListedTopicHistory[];
  let holdReads: boolean;

  beforeEach(async () => {
    dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    const { leads, opportunities } = salesStory();
    readers = [];
    holdReads = false;
    app = await createReportingApp({
      auth: testAuth.verifier,
      dataSource,
      logger: silentLogger,
      // The topics hold the story; the live consumer has seen none of it.
      consuming: {
        transport: new InProcessTransport({
          history: () => {
            const reader = new ListedTopicHistory([...leads, ...opportunities]);
            if (holdReads) reader.hold();
            readers.push(reader);
            return reader;
          },
        }),
      },
    });
    await app.init();
  });

  afterEach(async () => {
    await app.close();
    await dataSource.destroy();
  });

  const http = () => request(app.getHttpServer());

  it('rebuilds the read models from the history, with progress to follow, and the reports show them', async () => {
    expect((await http().get('/reports/pipeline').set(adminOfNorth)).body.deals).toBe(0);
    const started = await http().post('/admin/projections/all/rebuild').set(admin);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ projection: 'all', status: 'running' });
    expect(started.headers.location).toBe(`/admin/projections/rebuilds/${started.body.rebuildId}`);
    let progress = await http()
      .get(started.headers.location as string)
      .set(admin);
    for (let attempt = 0; attempt < 100 && progress.body.status === 'running'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await http()
        .get(started.headers.location as string)
        .set(admin);
    }
    expect(progress.body).toMatchObject({ status: 'done', eventsDone: 33, eventsTotal: 33, secondsLeft: 0 });
    expect((await http().get('/reports/pipeline').set(adminOfNorth)).body.deals).toBe(2);
    expect(readers.map((reader) => reader.closed)).toEqual([true]);
  });

  it('refuses callers without the admin role, unknown projections and rebuilds, and a second rebuild at once', async () => {
    const rep = asUser('ops-2', ['rep', 'analyst'], 'north');
    const forbidden = await http().post('/admin/projections/all/rebuild').set(rep);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forbidden.body.detail).toBe('This needs one of the roles admin');
    const unknown = await http().post('/admin/projections/everything/rebuild').set(admin);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'name', message: 'must be one of all, pipeline, lead-funnel' }]);
    expect((await http().get('/admin/projections/rebuilds/nope').set(admin)).status).toBe(404);
    expect((await http().get('/admin/projections/rebuilds/nope').set(rep)).status).toBe(403);
    holdReads = true;
    const first = await http().post('/admin/projections/pipeline/rebuild').set(admin);
    const second = await http().post('/admin/projections/lead-funnel/rebuild').set(admin);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PROJECTION_REBUILD_RUNNING', runningRebuildId: first.body.rebuildId });
    readers.at(-1)?.open();
  });
});
