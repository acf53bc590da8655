import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EmbeddedAuth } from '@salesos/auth';

jest.setTimeout(120_000);

describe('npm start (the README’s first command)', () => {
  let child: ChildProcess;
  let dataDir: string;
  const port = 3000 + Math.floor(Math.random() * 2000) + 20_000;

  afterEach(() => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo company into a fresh data folder, serves the leads and reporting APIs on embedded SQLite, and keeps both across a restart and a crash', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'salesos-start-'));
    // The platform signs and checks tokens with the key it finds in its data folder; the test makes it first.
    const auth = EmbeddedAuth.ofDataDir(dataDir);
    const headers = {
      Authorization: `Bearer ${auth.issue({ userId: 'manager-1', roles: ['division-manager'], divisions: ['north'] })}`,
    };
    const start = async (): Promise<string> => {
      child = spawn(process.execPath, [join(__dirname, 'start.mjs')], {
        env: { ...process.env, SALESOS_DATA_DIR: dataDir, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('SalesOS is ready')) resolve();
        });
        child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
      });
      return output;
    };

    const banner = await start();
    expect(banner).toContain(`http://localhost:${port}/docs`);
    expect(banner).toMatch(/Seeded [\d,]+ events in [\d.]+ s: 3 divisions/);
    const base = `http://127.0.0.1:${port}`;
    // The demo company's reports fill as its events are published in process.
    // The banner's example request works as printed.
    const printed = /Authorization: Bearer ([\w.-]+)/.exec(banner)?.[1];
    expect(printed).toBeDefined();
    const director = { Authorization: `Bearer ${printed as string}`, 'X-Division-Id': 'machines' };
    expect((await request(base).get('/reports/pipeline')).status).toBe(401);
    // The dashboard, built from its sources, at / with the demo users to sign in as.
    expect(banner).toContain(`http://localhost:${port}/ (sign in as a demo user)`);
    const page = await request(base).get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="/dashboard/dashboard.js">');
    expect((await request(base).get('/dashboard/dashboard.js')).status).toBe(200);
    expect((await request(base).get('/demo/users')).body.items).toContainEqual({
      userId: 'director-1',
      roles: ['sales-director'],
    });
    let outcomes = await request(base).get('/reports/outcomes').set(director);
    for (let attempt = 0; attempt < 200 && !(outcomes.body.won > 0 && outcomes.body.lost > 0); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      outcomes = await request(base).get('/reports/outcomes').set(director);
    }
    expect(outcomes.body).toMatchObject({ won: expect.any(Number), lost: expect.any(Number) });
    expect(outcomes.body.won).toBeGreaterThan(0);
    expect((await request(base).get('/reports/pipeline').set(director)).body.deals).toBeGreaterThan(0);
    // The demo company's dealers, seeded through the channels service, are in its views before the platform is ready.
    expect(banner).toMatch(/Seeded the channels in [\d.]+ s: 11 channels, 48 dealers/);
    expect(banner).toContain(`${base.replace('127.0.0.1', 'localhost')}/dealers`);
    for (const [divisionId, first] of [
      ['machines', 1],
      ['medical', 13],
      ['services', 25],
    ] as const) {
      const dealers = await request(base)
        .get('/dealers?pageSize=200')
        .set({ ...director, 'X-Division-Id': divisionId });
      expect(dealers.status).toBe(200);
      expect(dealers.body.total).toBe(16);
      const ids = (dealers.body.items as Array<{ dealerId: string }>).map((dealer) => dealer.dealerId);
      expect(ids).toEqual(expect.arrayContaining([`dealer-${first}`, `dealer-${first + 11}`]));
      const statuses = new Set((dealers.body.items as Array<{ status: string }>).map((dealer) => dealer.status));
      expect([...statuses].sort()).toEqual(['active', 'applied', 'onboarding', 'rejected', 'suspended', 'terminated']);
    }
    // Their plans and deal registrations too, each registration answered by the leads service during the seed.
    expect(banner).toMatch(
      /33 plans for \d{4} \(\d+ revisions\), 21 deal registrations \(6 accepted, 6 conflicted, 3 lapsed, 3 won, 3 lost\)/,
    );
    const registrations = await request(base).get('/registrations?pageSize=100').set(director);
    expect(registrations.status).toBe(200);
    const answered = new Set((registrations.body.items as Array<{ status: string }>).map((item) => item.status));
    expect([...answered].sort()).toEqual(['accepted', 'conflicted', 'lapsed', 'lost', 'won']);
    // A won registration's deal went through its dealer, with the channel the leads service was told it sells through.
    const won = (registrations.body.items as Array<{ registrationId: string; status: string }>).find(
      (item) => item.status === 'won',
    );
    const wonRegistration = await request(base)
      .get(`/registrations/${won?.registrationId ?? ''}`)
      .set(director);
    const { dealerId, opportunityId } = wonRegistration.body as { dealerId: string; opportunityId: string };
    const wonDeal = await request(base).get(`/opportunities/${opportunityId}`).set(director);
    expect(wonDeal.body).toMatchObject({ channel: { kind: 'dealer', dealerId, channelId: expect.any(String) } });
    // The leads service heard of the seeded dealers before the platform served: a deal goes to an active one only.
    const dealThrough = (dealerId: string) =>
      request(base)
        .post('/opportunities')
        .set(director)
        .send({
          accountName: 'Startklar GmbH',
          pipelineId: 'dealer-sourced',
          amount: { amount: 10_000, currency: 'EUR' },
          expectedCloseDate: '2027-06-30',
          products: [],
          channel: { kind: 'dealer', dealerId },
        });
    const throughActive = await dealThrough('dealer-1');
    expect(throughActive.status).toBe(201);
    expect((await dealThrough('dealer-11')).body).toMatchObject({ status: 409, code: 'DEALER_SUSPENDED' });
    // The test's own division, beside the demo company's.
    const admin = { Authorization: `Bearer ${auth.issue({ userId: 'admin-1', roles: ['admin'] })}` };
    const recorded = await request(base)
      .put('/divisions/north')
      .set(admin)
      .send({ name: 'North', repIds: [], teams: [] });
    expect(recorded.status).toBe(200);
    const created = await request(base)
      .post('/leads')
      .set(headers)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } });
    expect(created.status).toBe(201);
    expect((await request(base).get('/docs/openapi.json')).status).toBe(200);
    expect((await request(base).get('/health/ready')).body).toMatchObject({ status: 'up', ready: true });
    // The embedded relay publishes the capture in process: its lag drops to zero.
    let metrics = '';
    for (let attempt = 0; attempt < 100 && !metrics.includes('salesos_relay_lag{service="leads"} 0'); attempt += 1) {
      metrics = (await request(base).get('/metrics').set(headers)).text;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(metrics).toContain('salesos_relay_lag{service="leads"} 0');
    expect(metrics).toContain('salesos_consumer_lag{group="leads.deal-registrations"} 0');
    expect(metrics).toContain('salesos_consumer_lag{group="leads.dealers"} 0');
    // The reporting service in the same process sees the capture through the in-process transport.
    let funnel = await request(base).get('/reports/funnel').set(headers);
    for (let attempt = 0; attempt < 100 && funnel.body.groups?.[0]?.captured !== 1; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      funnel = await request(base).get('/reports/funnel').set(headers);
    }
    expect(funnel.body.groups).toEqual([expect.objectContaining({ group: 'all', captured: 1 })]);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await start();
    const listed = await request(base).get('/leads').set(headers);
    expect(listed.body).toMatchObject({ total: 1, items: [{ leadId: created.body.leadId, companyName: 'Acme' }] });
    const reportAfterRestart = await request(base).get('/reports/funnel').set(headers);
    expect(reportAfterRestart.body.groups).toEqual([expect.objectContaining({ captured: 1 })]);

    // Killed while captures are on their way from the store to the reports: none is lost after the next start.
    for (let index = 0; index < 20; index += 1) {
      const capture = await request(base)
        .post('/leads')
        .set(headers)
        .send({ source: 'web', contact: { name: `Lead ${index}` }, company: { name: `Company ${index}` } });
      expect(capture.status).toBe(201);
    }
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    await start();
    let recovered = await request(base).get('/reports/funnel').set(headers);
    for (let attempt = 0; attempt < 200 && recovered.body.groups?.[0]?.captured !== 21; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      recovered = await request(base).get('/reports/funnel').set(headers);
    }
    expect(recovered.body.groups).toEqual([expect.objectContaining({ captured: 21 })]);
  });
});
