import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { createReportingApp } from '../../reporting-app';
import { salesStory } from '../../testing/sales-story.fixture';
import { ListedEventHistory } from '../integration-event-history.port';
import { openReportingDatabase } from '../reporting-database';
import { asUser, bearer, testAuth } from '@salesos/auth/testing';

/** Holds reads back while closed, so a rebuild can be caught running. */
class GatedHistory extends ListedEventHistory {
  private gate: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;

  close(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release();
  }

  override async read(after: bigint, maxCount: number) {
    await this.gate;
    return super.read(after, maxCount);
  }
}

/** An admin of every division: the admin routes need no division named, the reports do. */
const admin = bearer({ userId: 'ops-1', roles: ['admin'] });
const adminOfNorth = { ...admin, 'X-Division-Id': 'north' };

describe('projection admin API', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let history: GatedHistory;

  beforeEach(async () => {
    dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    const { leads, opportunities } = salesStory();
    app = await createReportingApp({
      auth: testAuth.verifier,
      dataSource,
      logger: silentLogger,
      history: (history = new GatedHistory([...leads, ...opportunities])),
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
    history.close();
    const first = await http().post('/admin/projections/pipeline/rebuild').set(admin);
    const second = await http().post('/admin/projections/lead-funnel/rebuild').set(admin);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PROJECTION_REBUILD_RUNNING', runningRebuildId: first.body.rebuildId });
    history.open();
  });
});
