import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '@salesos/event-store/sqlite';
import { silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../services/leads/src';
import { recordTestDivisions } from '../services/leads/src/testing';
import { openReportingDatabase } from '../services/reporting/src';
import { asUser, testAuth } from '@salesos/auth/testing';
import { dealRequest } from './testing/deal-request';

jest.setTimeout(60_000);

const headers = asUser('manager-1', 'division-manager', 'north');

describe('npm run projections:rebuild', () => {
  let dataDir: string;

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds the read models from the stored events with the producers’ own mapping, showing progress', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'salesos-rebuild-'));
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    const app = await createLeadsApp({ store, logger: silentLogger, auth: testAuth.verifier });
    await app.init();
    await recordTestDivisions(app);
    const http = () => request(app.getHttpServer());
    await http()
      .post('/leads')
      .set(headers)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } });
    const opened = await http()
      .post('/opportunities')
      .set(headers)
      .send(dealRequest({ amount: { amount: 30000, currency: 'EUR' }, expectedCloseDate: '2026-06-30', products: [] }));
    await http()
      .put(`/opportunities/${opened.body.opportunityId as string}/stage`)
      .set(headers)
      .send({ stageId: 'proposal' });
    await app.close();
    await store.close();

    const run = spawnSync('npm', ['run', '--silent', 'projections:rebuild', '--', 'all'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, SALESOS_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.stderr).toMatch(/building: \d+ of \d+ events, [\d,]+ events\/s, \d+ s left/);
    expect(run.stdout).toMatch(/Rebuilt all from \d+ events\./);
    expect(run.status).toBe(0);

    const readModels = await openReportingDatabase({ kind: 'sqlite', filename: join(dataDir, 'read-models.db') });
    const rows = await readModels.query<Array<{ stage_id: string; amount: number }>>(
      'SELECT stage_id, amount FROM rpt_opportunity',
    );
    expect(rows).toEqual([{ stage_id: 'proposal', amount: 30000 }]);
    expect(await readModels.query('SELECT source FROM rpt_lead')).toEqual([{ source: 'web' }]);
    await readModels.destroy();

    const unknown = spawnSync('npm', ['run', '--silent', 'projections:rebuild', '--', 'everything'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, SALESOS_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage: npm run projections:rebuild -- <all|pipeline|lead-funnel>');
  });
});
