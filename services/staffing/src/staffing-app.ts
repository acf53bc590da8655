import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import { apiDocument, applyHttpConventions, type ProblemMapper } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { organisationProblems } from './organisation';
import { peopleProblems } from './people';
import { openStaffingDatabase } from './staffing-database';
import { trainingProblems } from './training';
import { StaffingServiceModule, type StaffingServiceOptions } from './staffing-service.module';
import { STAFFING_VIEWS } from './core/staffing-service.tokens';

/** How the staffing service's own errors read over HTTP: each feature's one mapping. */
export const staffingProblemMappers: ProblemMapper[] = [organisationProblems, peopleProblems, trainingProblems];

export function staffingOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(
    app,
    'SalesOS staffing',
    'The sales organisation and its people: units and positions, hiring to departure, training and coaching.',
  );
}

export type StaffingAppOptions = Omit<StaffingServiceOptions, 'database'> & {
  /** The service's database; without it, an in-memory SQLite one that lives as long as the application. */
  database?: DataSource;
  auth: TokenVerifier;
};

/** The staffing service as an HTTP application: validation, problem details and the OpenAPI page at /docs. */
export async function createStaffingApp(options: StaffingAppOptions): Promise<INestApplication> {
  const owned = options.database === undefined;
  const database = options.database ?? (await openStaffingDatabase({ kind: 'sqlite', filename: ':memory:' }));
  const app = await NestFactory.create(StaffingServiceModule.forRoot({ ...options, database, ownsDatabase: owned }), {
    logger: ['error', 'warn'],
  });
  requireTokens(app, options.auth);
  applyHttpConventions(app, staffingProblemMappers);
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, staffingOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** Resolves once the service's views hold every event stored when it is called (false after `timeoutMs`). */
export function staffingViewsCaughtUp(app: INestApplicationContext, timeoutMs = 30_000): Promise<boolean> {
  return app.get<ServiceViews>(STAFFING_VIEWS).caughtUpWithStore(timeoutMs);
}
