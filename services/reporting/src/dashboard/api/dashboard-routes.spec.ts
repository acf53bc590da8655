import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { DashboardBundle } from '../application/dashboard-bundle';
import { serveDashboard } from './dashboard-routes';

@Module({})
class EmptyModule {}

async function serving(bundle: DashboardBundle): Promise<INestApplication> {
  const app = await NestFactory.create(EmptyModule, { logger: false });
  serveDashboard(app, bundle);
  await app.init();
  return app;
}

describe('the dashboard routes', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('serve the page at / and its files under /dashboard/, under a policy that loads nothing from elsewhere', async () => {
    const app = await serving(
      DashboardBundle.of({ 'index.html': '<!doctype html><p>hello</p>', 'dashboard.js': 'export {};' }),
    );
    apps.push(app);
    const page = await request(app.getHttpServer()).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toBe('<!doctype html><p>hello</p>');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(app.getHttpServer()).get('/dashboard/dashboard.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.text).toBe('export {};');
    expect((await request(app.getHttpServer()).get('/dashboard/other.js')).status).toBe(404);
  });

  it('answer a page the browser holds already with 304, and a changed one in full', async () => {
    const app = await serving(DashboardBundle.of({ 'index.html': 'one' }));
    apps.push(app);
    const first = await request(app.getHttpServer()).get('/');
    const etag = first.headers.etag as string;
    expect((await request(app.getHttpServer()).get('/').set('If-None-Match', etag)).status).toBe(304);
    expect((await request(app.getHttpServer()).get('/').set('If-None-Match', '"other"')).status).toBe(200);
  });

  it('say in words, with 503, that the dashboard is not built and how to build it', async () => {
    const app = await serving(DashboardBundle.notBuilt("Cannot find module 'esbuild'"));
    apps.push(app);
    const page = await request(app.getHttpServer()).get('/');
    expect(page.status).toBe(503);
    expect(page.text).toContain("The dashboard is not built on this installation (Cannot find module 'esbuild')");
    expect(page.text).toContain('npm run build:dashboard');
  });
});
