import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DashboardBundle, DashboardFile } from '../application/dashboard-bundle';

/**
 * The page loads only its own script and styles and talks only to this origin's API; nothing inline, nothing from
 * elsewhere, and no other site may frame it.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(request: Request, response: Response, file: DashboardFile): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  // Revalidated on every load: a new build is picked up at once, an unchanged one costs a 304.
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('ETag', file.etag);
  response.setHeader('Vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) {
    response.status(304).end();
    return;
  }
  response.setHeader('Content-Type', file.contentType);
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    response.setHeader('Content-Encoding', 'gzip');
    response.status(200).end(file.gzipped);
    return;
  }
  response.status(200).end(file.body);
}

function notBuilt(response: Response, reason: string): void {
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response
    .status(503)
    .end(`The dashboard is not built on this installation (${reason}). Run npm run build:dashboard, then restart.\n`);
}

/**
 * Serves the dashboard at `/` and its files under `/dashboard/`, beside the API and outside the token guard like the
 * OpenAPI page: they hold no data, and every figure the page shows comes from the API with the caller's token.
 */
export function serveDashboard(app: INestApplication, bundle: DashboardBundle): void {
  const http = app.getHttpAdapter();
  const { unavailable } = bundle;
  if (unavailable !== undefined) {
    http.get('/', (_request: Request, response: Response) => notBuilt(response, unavailable));
    return;
  }
  for (const [name, file] of bundle.files) {
    const path = name === 'index.html' ? '/' : `/dashboard/${name}`;
    http.get(path, (request: Request, response: Response) => send(request, response, file));
  }
}
