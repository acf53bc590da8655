import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import { apiDocument, applyHttpConventions } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { agreementProblems } from './agreements';
import { channelProblems } from './catalogue';
import { dealerProblems } from './dealers';
import { tierProblems } from './tiers';
import { communicationProblems } from './communications';
import { fundProblems } from './funds';
import { planProblems } from './plans';
import { openChannelsDatabase } from './channels-database';
import { ChannelsServiceModule, type ChannelsServiceOptions } from './channels-service.module';
import { CHANNELS_VIEWS } from './core/channels-service.tokens';

/** How the channels service's own errors read over HTTP: each feature's one mapping. */
export const channelsProblemMappers = [
  channelProblems,
  dealerProblems,
  agreementProblems,
  tierProblems,
  communicationProblems,
  fundProblems,
  planProblems,
];

export function channelsOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(
    app,
    'SalesOS channels',
    'Distribution channels and dealers: agreements, tiers, deal registration, plans, contacts and funds.',
  );
}

export type ChannelsAppOptions = Omit<ChannelsServiceOptions, 'database'> & {
  /** The service's database; without it, an in-memory SQLite one that lives as long as the application. */
  database?: DataSource;
  auth: TokenVerifier;
};

/** The channels service as an HTTP application: validation, problem details and the OpenAPI page at /docs. */
export async function createChannelsApp(options: ChannelsAppOptions): Promise<INestApplication> {
  const owned = options.database === undefined;
  const database = options.database ?? (await openChannelsDatabase({ kind: 'sqlite', filename: ':memory:' }));
  const app = await NestFactory.create(ChannelsServiceModule.forRoot({ ...options, database, ownsDatabase: owned }), {
    logger: ['error', 'warn'],
  });
  requireTokens(app, options.auth);
  applyHttpConventions(app, channelsProblemMappers);
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, channelsOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** Resolves once the service's views hold every event stored when it is called (false after `timeoutMs`). */
export function channelsViewsCaughtUp(app: INestApplicationContext, timeoutMs = 30_000): Promise<boolean> {
  return app.get<ServiceViews>(CHANNELS_VIEWS).caughtUpWithStore(timeoutMs);
}
