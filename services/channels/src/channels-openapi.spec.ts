import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { testAuth } from '@salesos/auth/testing';
import { openApiPath, renderChannelsOpenApi } from '../scripts/openapi-document';
import { createChannelsApp } from './channels-app';

describe('channels OpenAPI document', () => {
  it('is current: regenerate with `npm run openapi:channels` after changing the API', async () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(await renderChannelsOpenApi());
  });

  it('is served at /docs/openapi.json with every channels route', async () => {
    const app: INestApplication = await createChannelsApp({ auth: testAuth.verifier, store: new MemoryEventStore() });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/docs/openapi.json');
      expect(response.status).toBe(200);
      const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/channels',
          '/channels/{channelId}',
          '/channels/{channelId}/retirement',
          '/agreements',
          '/agreements/{agreementId}/terms',
          '/agreements/{agreementId}/versions/{version}/signature',
          '/tier-programmes/{programmeId}',
          '/dealers/{dealerId}/tier',
          '/dealers/{dealerId}/tier/reviews/{reviewId}/confirmation',
          '/dealers/{dealerId}/plans/{period}',
          '/plans',
          '/plans/export',
        ]),
      );
    } finally {
      await app.close();
    }
  });
});
