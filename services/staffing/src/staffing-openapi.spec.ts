import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { testAuth } from '@salesos/auth/testing';
import { openApiPath, renderStaffingOpenApi } from '../scripts/openapi-document';
import { createStaffingApp } from './staffing-app';

describe('staffing OpenAPI document', () => {
  it('is current: regenerate with `npm run openapi:staffing` after changing the API', async () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(await renderStaffingOpenApi());
  });

  it('is served at /docs/openapi.json with every staffing route', async () => {
    const app: INestApplication = await createStaffingApp({ auth: testAuth.verifier, store: new MemoryEventStore() });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/docs/openapi.json');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ info: { title: 'SalesOS staffing' } });
      const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/units',
          '/units/{unitId}',
          '/units/{unitId}/managers',
          '/units/{unitId}/closure',
          '/positions',
          '/positions/{positionId}',
          '/positions/{positionId}/retirement',
          '/people',
          '/people/imports',
          '/people/{personId}',
          '/people/{personId}/onboarding-plan',
          '/people/{personId}/onboarding-plan/tasks/{taskId}/completion',
          '/people/{personId}/ramp-schedule',
          '/people/{personId}/transfers',
          '/people/{personId}/leave',
          '/people/{personId}/return',
          '/people/{personId}/departure',
          '/training/courses',
          '/training/courses/{courseId}',
          '/training/courses/{courseId}/retirement',
          '/training/programmes',
          '/training/programmes/{programmeId}',
          '/training/programmes/{programmeId}/retirement',
          '/training/people/{personId}',
          '/training/people/{personId}/enrolments',
          '/training/people/{personId}/withdrawals',
          '/training/people/{personId}/assessments',
          '/training/people/{personId}/readiness',
          '/training/units/{unitId}/readiness',
          '/training/certifications/expiring',
        ]),
      );
    } finally {
      await app.close();
    }
  });
});
