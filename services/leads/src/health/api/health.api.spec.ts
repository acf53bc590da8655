import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { InProcessRelayLock, InProcessTransport, type RelayLock, silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');

describe('health and metrics', () => {
  let app: INestApplication;
  const boot = async (lock: RelayLock) => {
    const transport = new InProcessTransport();
    app = await createLeadsApp({
      auth: testAuth.verifier,
      store: new MemoryEventStore({ pollIntervalMs: 5 }),
      logger: silentLogger,
      publishing: { transport, lock, pollIntervalMs: 5 },
      consuming: { transport },
    });
    await app.init();
    await recordTestDivisions(app);
  };

  afterEach(async () => {
    await app.close();
  });

  it('is live and ready while the relay publishes, and reports the lags as Prometheus text', async () => {
    await boot(new InProcessRelayLock());
    const http = () => request(app.getHttpServer());
    expect((await http().get('/health/live')).body).toEqual({ status: 'up' });
    await http()
      .post('/leads')
      .set(headers)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } });
    let metrics = '';
    for (let attempt = 0; attempt < 100 && !metrics.includes('salesos_relay_lag{service="leads"} 0'); attempt += 1) {
      metrics = (await http().get('/metrics').set(headers)).text;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(metrics).toContain('# TYPE salesos_relay_lag gauge');
    expect(metrics).toContain('salesos_relay_lag{service="leads"} 0');
    expect(metrics).toContain('salesos_consumer_lag{group="leads.deal-registrations"} 0');
    expect(metrics).toContain('salesos_consumer_lag{group="leads.dealers"} 0');
    const ready = await http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'up',
      ready: true,
      relays: [{ service: 'leads', state: 'publishing' }],
      consumers: [
        { groupId: 'leads.deal-registrations', state: 'consuming' },
        { groupId: 'leads.dealers', state: 'consuming' },
      ],
    });
  });

  it('answers 503 with the reason when the relay has failed', async () => {
    await boot({ acquire: () => Promise.reject(new Error('lock table unreachable')) });
    let ready = await request(app.getHttpServer()).get('/health/ready');
    for (let attempt = 0; attempt < 100 && ready.status === 200; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ready = await request(app.getHttpServer()).get('/health/ready');
    }
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'down', ready: false, relays: [{ service: 'leads', state: 'failed' }] });
    expect(JSON.stringify(ready.body)).toContain('lock table unreachable');
  });
});
