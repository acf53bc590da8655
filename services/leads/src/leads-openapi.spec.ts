import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { openApiPath, renderLeadsOpenApi } from '../scripts/openapi-document';
import { createLeadsApp } from './leads-app';
import { recordTestDivisions } from './testing';
import { testAuth } from '@salesos/auth/testing';

describe('leads OpenAPI document', () => {
  it('is current: regenerate with `npm run openapi:leads` after changing the API', async () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(await renderLeadsOpenApi());
  });

  it('is served at /docs/openapi.json with every leads route', async () => {
    const app: INestApplication = await createLeadsApp({ auth: testAuth.verifier, store: new MemoryEventStore() });
    await app.init();
    await recordTestDivisions(app);
    try {
      const response = await request(app.getHttpServer()).get('/docs/openapi.json');
      expect(response.status).toBe(200);
      const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/leads',
          '/leads/{leadId}',
          '/leads/{leadId}/qualification',
          '/leads/{leadId}/disqualification',
          '/leads/{leadId}/nurturing',
          '/leads/{leadId}/owner',
          '/leads/{leadId}/merge',
        ]),
      );
    } finally {
      await app.close();
    }
  });
});
