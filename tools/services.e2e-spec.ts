import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EmbeddedAuth } from '@salesos/auth';
import { dealRequest } from './testing/deal-request';

jest.setTimeout(120_000);

const root = join(__dirname, '..');
const division = `e2e-${Date.now().toString(36)}`;
// Both services check tokens with the embedded key of one shared data folder, as replicas would share a JWKS.
const keyDir = mkdtempSync(join(tmpdir(), 'salesos-services-'));
const auth = EmbeddedAuth.ofDataDir(keyDir);
const headers = {
  Authorization: `Bearer ${auth.issue({ userId: 'manager-1', roles: ['division-manager'], divisions: [division] })}`,
};

/** Starts one service in a process of its own and resolves once it says it is ready. */
function startService(name: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(root, 'tools', 'start-service.ts'), name],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is ready')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)));
  });
}

describe('leads and reporting as separate processes, on PostgreSQL and Kafka', () => {
  const children: ChildProcess[] = [];
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const child of children) child.kill('SIGKILL');
    for (const database of databases) await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('turns commands sent to the leads service into figures of the reporting service', async () => {
    const events = await createTestDatabase('e2e_events');
    const readModels = await createTestDatabase('e2e_reports');
    databases.push(events, readModels);
    const shared = {
      SALESOS_EVENT_STORE: 'postgres',
      SALESOS_DATABASE_URL: events.url,
      SALESOS_TRANSPORT: 'kafka',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      SALESOS_DATA_DIR: keyDir,
    };
    const leadsPort = 20_000 + Math.floor(Math.random() * 5000);
    const reportingPort = leadsPort + 1;
    children.push(await startService('leads', { ...shared, PORT: String(leadsPort) }));
    children.push(
      await startService('reporting', {
        ...shared,
        PORT: String(reportingPort),
        SALESOS_READ_MODELS_URL: readModels.url,
      }),
    );
    const leads = `http://127.0.0.1:${leadsPort}`;
    const reporting = `http://127.0.0.1:${reportingPort}`;

    const admin = { Authorization: `Bearer ${auth.issue({ userId: 'admin-1', roles: ['admin'] })}` };
    const recorded = await request(leads)
      .put(`/divisions/${division}`)
      .set(admin)
      .send({ name: 'End to end', repIds: ['rep-1'], teams: [] });
    expect(recorded.status).toBe(200);
    const lead = await request(leads)
      .post('/leads')
      .set(headers)
      .send({ source: 'referral', contact: { name: 'Ada' }, company: { name: 'Acme' } });
    expect(lead.status).toBe(201);
    await request(leads)
      .post(`/leads/${lead.body.leadId as string}/qualification`)
      .set(headers)
      .send({});
    const opened = await request(leads)
      .post(`/leads/${lead.body.leadId as string}/conversion`)
      .set(headers)
      .send(dealRequest({ amount: { amount: 42000, currency: 'EUR' } }));
    expect(opened.status).toBe(201);
    const path = `/opportunities/${opened.body.opportunityId as string}`;
    await request(leads).put(`${path}/stage`).set(headers).send({ stageId: 'proposal' });
    await request(leads).post(`${path}/win`).set(headers).send({});

    let outcomes = await request(reporting).get('/reports/outcomes').set(headers);
    for (let attempt = 0; attempt < 300 && outcomes.body.won !== 1; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      outcomes = await request(reporting).get('/reports/outcomes').set(headers);
    }
    expect(outcomes.body).toMatchObject({ won: 1, lost: 0, winRate: 1, wonValue: { EUR: 42000 } });
    const funnel = await request(reporting).get('/reports/funnel').set(headers);
    expect(funnel.body.groups).toEqual([
      expect.objectContaining({ group: 'all', captured: 1, qualified: 1, converted: 1, won: 1 }),
    ]);
    const stages = await request(reporting).get('/reports/stages').set(headers);
    expect(stages.body.transitions.map((move: { toStage: string }) => move.toStage).sort()).toEqual([
      'proposal',
      'won',
    ]);
    expect((await request(reporting).get('/health/ready')).body).toMatchObject({ ready: true });
  });
});
