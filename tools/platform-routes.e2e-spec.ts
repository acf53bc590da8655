import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DemoSignIn, demoUsers } from '@salesos/auth';
import { testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { InProcessTransport, silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../services/leads/src';
import { createReportingApp, DashboardBundle } from '../services/reporting/src';
import { openReportingDatabase } from '../services/reporting/src';
import { createStaffingApp } from '../services/staffing/src';
import { servedRoutes, startTestPlatform } from './testing/test-platform';

/** Open on purpose: the probes of Kubernetes. The OpenAPI page is served beside the routes and checked below. */
const publicRoutes = ['GET /health/live', 'GET /health/ready'];

/** A dashboard of three small files: the routes are the same as the built one's. */
const dashboard = DashboardBundle.of({
  'index.html': '<!doctype html><title>SalesOS dashboard</title>',
  'dashboard.js': 'export {};',
  'dashboard.css': 'body {}',
});
/**
 * Open on purpose beside the probes: the dashboard's page and files (no data; every figure comes from the API with the
 * caller's token), and in the embedded mode the demo sign-in, which answers callers on the platform's machine only.
 */
const dashboardRoutes = ['GET /', 'GET /dashboard/dashboard.css', 'GET /dashboard/dashboard.js'];
const demoSignInRoutes = ['GET /demo/users', 'POST /demo/tokens'];

/** Every route the application serves, with a sample value for each parameter. */
function routesOf(app: INestApplication): string[] {
  return servedRoutes(app).map((route) => route.replace(/:(\w+)/g, '7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11'));
}

async function everyRouteNeedsAToken(app: INestApplication): Promise<string[]> {
  const routes = routesOf(app);
  expect(routes.length).toBeGreaterThan(5);
  const open: string[] = [];
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    const response = await request(app.getHttpServer())[method.toLowerCase() as 'get'](path);
    if (response.status !== 401) {
      open.push(route);
      continue;
    }
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="salesos"');
    expect(response.body).toMatchObject({ status: 401, reason: 'missing' });
  }
  return open.sort();
}

describe('every route of every service needs a bearer token unless marked public', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('the leads service alone', async () => {
    const app = await createLeadsApp({ auth: testAuth.verifier, store: new MemoryEventStore(), logger: silentLogger });
    apps.push(app);
    await app.init();
    expect(await everyRouteNeedsAToken(app)).toEqual(publicRoutes);
    expect((await request(app.getHttpServer()).get('/docs/openapi.json')).status).toBe(200);
  });

  it('the reporting service alone', async () => {
    const dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    const app = await createReportingApp({
      auth: testAuth.verifier,
      dataSource,
      consuming: { transport: new InProcessTransport() },
      logger: silentLogger,
    });
    apps.push(app);
    await app.init();
    expect(await everyRouteNeedsAToken(app)).toEqual(publicRoutes);
  });

  it('the reporting service alone with its dashboard and the demo sign-in', async () => {
    const dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    const app = await createReportingApp({
      auth: testAuth.verifier,
      dataSource,
      logger: silentLogger,
      dashboard,
      demoSignIn: new DemoSignIn(testAuth, demoUsers),
    });
    apps.push(app);
    await app.init();
    expect(await everyRouteNeedsAToken(app)).toEqual([...publicRoutes, ...dashboardRoutes, ...demoSignInRoutes].sort());
  });

  it('the whole platform with its dashboard and the demo sign-in, which issues tokens the platform takes', async () => {
    const { app } = await startTestPlatform(undefined, { dashboard, demoSignIn: new DemoSignIn(testAuth, demoUsers) });
    apps.push(app);
    expect(await everyRouteNeedsAToken(app)).toEqual([...publicRoutes, ...dashboardRoutes, ...demoSignInRoutes].sort());
    const http = () => request(app.getHttpServer());
    const page = await http().get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const issued = await http().post('/demo/tokens').send({ userId: 'rep-machines-01' });
    expect(issued.status).toBe(201);
    const divisions = await http()
      .get('/divisions')
      .set('Authorization', `Bearer ${issued.body.token as string}`);
    expect(divisions.status).toBe(200);
    const unknown = await http().post('/demo/tokens').send({ userId: 'someone-else' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'DEMO_USER_UNKNOWN', errors: [{ field: 'userId' }] });
    const malformed = await http().post('/demo/tokens').send({ userId: 'not an id', role: 'admin' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['role', 'userId']);
    const proxied = await http().get('/demo/users').set('X-Forwarded-For', '203.0.113.7');
    expect(proxied.status).toBe(403);
    expect(proxied.body).toMatchObject({ code: 'DEMO_SIGN_IN_LOCAL_ONLY' });
  });

  it('the staffing service alone', async () => {
    const app = await createStaffingApp({
      auth: testAuth.verifier,
      store: new MemoryEventStore(),
      logger: silentLogger,
    });
    apps.push(app);
    await app.init();
    expect(await everyRouteNeedsAToken(app)).toEqual(publicRoutes);
    expect((await request(app.getHttpServer()).get('/docs/openapi.json')).status).toBe(200);
  });

  it('the whole platform in one process', async () => {
    const { app } = await startTestPlatform();
    apps.push(app);
    expect(await everyRouteNeedsAToken(app)).toEqual(publicRoutes);
    expect((await request(app.getHttpServer()).get('/docs/openapi.json')).status).toBe(200);
    const wrongKey = await request(app.getHttpServer())
      .get('/reports/pipeline')
      .set('Authorization', 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln');
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.headers['www-authenticate']).toBe('Bearer realm="salesos", error="invalid_token"');
    expect(wrongKey.body).toEqual({
      type: 'https://salesos.dev/problems/unauthenticated',
      title: 'Authentication is required',
      status: 401,
      detail: 'The bearer token is not signed by a trusted key',
      reason: 'bad-signature',
      instance: '/reports/pipeline',
    });
  });
});
