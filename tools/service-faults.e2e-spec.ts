import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EmbeddedAuth } from '@salesos/auth';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { freeLocalPorts, KafkaBroker } from '../deploy/kafka/kafka-broker';
import { killHard, type ServiceProcess, spawnService } from './testing/service-process';

jest.setTimeout(300_000);

const division = `faults-${Date.now().toString(36)}`;
const keyDir = mkdtempSync(join(tmpdir(), 'salesos-faults-'));
const headers = {
  Authorization: `Bearer ${EmbeddedAuth.ofDataDir(keyDir).issue({ userId: 'manager-1', roles: ['division-manager'], divisions: [division] })}`,
};

interface Readiness {
  status: 'up' | 'degraded' | 'down';
  reasons: string[];
  relays: Array<{ state: string; lag: number | null }>;
  consumers: Array<{ groupId: string; state: string }>;
}

/** Polls `/health/ready` until it answers 200 and `until` holds; answers the milliseconds it took and the body. */
async function readyWhen(
  base: string,
  until: (body: Readiness) => boolean,
  timeoutMs: number,
): Promise<{ ms: number; body: Readiness }> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    try {
      const answer = await request(base).get('/health/ready');
      last = `${answer.status} ${JSON.stringify(answer.body)}`;
      if (answer.status === 200 && until(answer.body as Readiness)) {
        return { ms: Date.now() - started, body: answer.body as Readiness };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${base} not ready as wanted after ${timeoutMs} ms; last answer: ${last}`);
}

describe('leads and reporting processes through broker outages and crashes (PostgreSQL, Kafka)', () => {
  let broker: KafkaBroker;
  const databases: TestDatabase[] = [];
  const services = new Map<'leads' | 'reporting', ServiceProcess>();
  let env: Record<'leads' | 'reporting', Record<string, string>>;
  let base: Record<'leads' | 'reporting', string>;

  beforeAll(async () => {
    // A broker of this suite's own, not started yet: the services start during its outage.
    broker = await KafkaBroker.onFreePorts(mkdtempSync(join(tmpdir(), 'salesos-kafka-services-')));
    const events = await createTestDatabase('faults_events');
    const readModels = await createTestDatabase('faults_reports');
    databases.push(events, readModels);
    const [leadsPort, reportingPort] = (await freeLocalPorts(2)) as [number, number];
    const shared = {
      SALESOS_EVENT_STORE: 'postgres',
      SALESOS_DATABASE_URL: events.url,
      SALESOS_TRANSPORT: 'kafka',
      KAFKA_BROKERS: broker.bootstrap,
      SALESOS_DATA_DIR: keyDir,
    };
    env = {
      leads: { ...shared, PORT: String(leadsPort) },
      reporting: { ...shared, PORT: String(reportingPort), SALESOS_READ_MODELS_URL: readModels.url },
    };
    base = { leads: `http://127.0.0.1:${leadsPort}`, reporting: `http://127.0.0.1:${reportingPort}` };
  });

  afterAll(async () => {
    for (const service of services.values()) await killHard(service);
    await broker.destroy();
    for (const database of databases) await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  function start(name: 'leads' | 'reporting'): ServiceProcess {
    const service = spawnService(name, env[name]);
    services.set(name, service);
    return service;
  }

  it('start while the broker is down: leads stores commands, reporting answers from its tables, both say what waits, and the reports catch up once the broker is up', async () => {
    await Promise.all([start('leads').listening, start('reporting').listening]);
    const admin = {
      Authorization: `Bearer ${EmbeddedAuth.ofDataDir(keyDir).issue({ userId: 'admin-1', roles: ['admin'] })}`,
    };
    const recorded = await request(base.leads)
      .put(`/divisions/${division}`)
      .set(admin)
      .send({ name: 'Faults', repIds: [], teams: [] });
    expect(recorded.status).toBe(200);
    for (let index = 0; index < 3; index += 1) {
      const capture = await request(base.leads)
        .post('/leads')
        .set(headers)
        .set('X-Division-Id', division)
        .send({ source: 'web', contact: { name: `Lead ${index}` }, company: { name: `Company ${index}` } });
      expect(capture.status).toBe(201);
    }
    const funnelMeanwhile = await request(base.reporting).get('/reports/funnel').set(headers);
    expect(funnelMeanwhile.status).toBe(200);
    expect(funnelMeanwhile.body.groups).toEqual([]);

    const leadsWaiting = await readyWhen(
      base.leads,
      (body) => body.relays[0]?.state === 'retrying' && (body.relays[0]?.lag ?? 0) > 0,
      60_000,
    );
    expect(leadsWaiting.body.status).toBe('degraded');
    expect(leadsWaiting.body.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^relay leads cannot publish: .*; \d+ events not yet published$/)]),
    );
    const reportingWaiting = await readyWhen(base.reporting, (body) => body.consumers[0]?.state === 'stalled', 60_000);
    expect(reportingWaiting.body.reasons).toEqual([
      expect.stringMatching(/^consumer reporting.projections is stalled: .*ECONNREFUSED/),
    ]);
    const metrics = await request(base.leads).get('/metrics').set(headers);
    expect(metrics.text).toMatch(/^salesos_relay_lag\{service="leads"\} [1-9]\d*$/m);
    expect(metrics.text).toContain('salesos_relay_state{service="leads",state="retrying"} 1');

    await broker.start();
    let funnel = await request(base.reporting).get('/reports/funnel').set(headers);
    for (let attempt = 0; attempt < 600 && funnel.body.groups?.[0]?.captured !== 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      funnel = await request(base.reporting).get('/reports/funnel').set(headers);
    }
    expect(funnel.body.groups).toEqual([expect.objectContaining({ group: 'all', captured: 3 })]);
    await readyWhen(base.leads, (body) => body.status === 'up', 60_000);
    await readyWhen(base.reporting, (body) => body.status === 'up', 60_000);
  });

  it.each(['leads', 'reporting'] as const)(
    'a %s process killed with SIGKILL answers readiness 200 without waiting for its dead member, and consumes again once it is gone',
    async (name) => {
      await killHard(services.get(name) as ServiceProcess);
      start(name);
      const restarted = await readyWhen(base[name], () => true, 30_000);
      // Well below the 30 s a dead member holds its group; the 5 s target is measured by `npm run bench:faults`
      // (restart_ready_p99_ms), on a machine that runs nothing else.
      expect(restarted.ms).toBeLessThan(15_000);
      const consuming = await readyWhen(base[name], (body) => body.status === 'up', 30_000);
      expect(consuming.body.consumers.every((consumer) => consumer.state === 'consuming')).toBe(true);
    },
  );
});
