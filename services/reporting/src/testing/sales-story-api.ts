import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import type { IntegrationEvent } from '@salesos/contracts';
import { createReportingApp } from '../reporting-app';
import { openReportingDatabase } from '../reporting-database';
import { replay } from '../read-models';
import { salesStory } from './sales-story.fixture';
import { testAuth } from '@salesos/auth/testing';

/** The engines the reports run on: the same statements must give the same figures on both. */
export type ReportingEngine = 'sqlite' | 'postgres';

export interface SalesStoryApi {
  /** A GET of the reporting API as the given caller. */
  get: (path: string, headers?: Record<string, string>) => request.Test;
}

/**
 * Registers hooks that project the sales story (or the events given) into fresh read models on `engine` and serve the
 * reporting API.
 */
export function salesStoryApi(
  engine: ReportingEngine,
  caller: Record<string, string>,
  story: () => readonly IntegrationEvent[] = () => {
    const { leads, opportunities } = salesStory();
    return [...leads, ...opportunities];
  },
): SalesStoryApi {
  let app: INestApplication | undefined;
  let dataSource: DataSource | undefined;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    if (engine === 'postgres') database = await createTestDatabase('reports_api');
    dataSource = await openReportingDatabase(
      database === undefined ? { kind: 'sqlite', filename: ':memory:' } : { kind: 'postgres', url: database.url },
    );
    await replay(dataSource, story());
    app = await createReportingApp({ auth: testAuth.verifier, dataSource, logger: silentLogger });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  return {
    get: (path, headers = caller) => {
      if (app === undefined) throw new Error('the sales story API is not started yet');
      return request(app.getHttpServer() as Server)
        .get(path)
        .set(headers);
    },
  };
}
