import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { ServiceViews } from '@salesos/projections';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { channelsContracts, ContractRegistry, dealRegistrationTopic } from '@salesos/contracts';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import { apiDocument, applyHttpConventions } from '@salesos/http';
import {
  ConsumerRunner,
  jsonLogger,
  type MessageTransport,
  MessagingHealth,
  PassThroughInbox,
  SalesosEventsServer,
} from '@salesos/messaging';
import { assignmentProblems } from './assignment';
import { leadImportProblems } from './lead-imports';
import { leadProblems, scoringRulesProblems } from './leads';
import { openLeadsDatabase } from './leads-database';
import { LeadsServiceModule, type LeadsServiceOptions } from './leads-service.module';
import { opportunityProblems, salesProcessProblems } from './opportunities';
import { divisionProblems, KnownDivisionGuard, Organisation } from './organisation';
import { segmentProblems } from './segments';

/** How the leads service's own errors read over HTTP: each feature's one mapping. */
export const leadsProblemMappers = [
  divisionProblems,
  leadProblems,
  scoringRulesProblems,
  leadImportProblems,
  opportunityProblems,
  salesProcessProblems,
  segmentProblems,
  assignmentProblems,
];

export function leadsOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(app, 'SalesOS leads', 'Target audiences, leads, opportunities and the pipeline.');
}

/** The leads service as an HTTP application: validation, problem details and the OpenAPI page at /docs. */
export interface LeadsConsuming {
  transport: MessageTransport;
  groupId?: string;
}

export type LeadsAppOptions = Omit<LeadsServiceOptions, 'database'> & {
  /** The service's database; without it, an in-memory SQLite one that lives as long as the application. */
  database?: DataSource;
  consuming?: LeadsConsuming;
  auth: TokenVerifier;
};

export async function createLeadsApp(options: LeadsAppOptions): Promise<INestApplication> {
  const owned = options.database === undefined;
  const database = options.database ?? (await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' }));
  const app = await NestFactory.create(LeadsServiceModule.forRoot({ ...options, database, ownsDatabase: owned }), {
    logger: ['error', 'warn'],
  });
  requireTokens(app, options.auth);
  applyHttpConventions(app, leadsProblemMappers);
  requireKnownDivisions(app);
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, leadsOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  if (options.consuming) await consumeDealRegistrations(app, options.consuming);
  return app;
}

/**
 * Resolves once the service's views hold every event stored when it is called (or after `timeoutMs`, false): for
 * tools and tests that start the service on a store that already holds history.
 */
export function leadsViewsCaughtUp(app: INestApplicationContext, timeoutMs = 30_000): Promise<boolean> {
  return app.get(ServiceViews).caughtUpWithStore(timeoutMs);
}

/** Every request inside a division needs the division to exist: 404 before anything reads or writes in it. */
export function requireKnownDivisions(app: INestApplication): void {
  app.useGlobalGuards(new KnownDivisionGuard(app.get(Organisation), app.get(Reflector)));
}

/** Dealer registrations arrive as `@EventPattern` handlers served by the project's consumer runner. */
export async function consumeDealRegistrations(app: INestApplication, consuming: LeadsConsuming): Promise<void> {
  const { transport } = consuming;
  app.connectMicroservice(
    {
      strategy: new SalesosEventsServer<undefined>((handlers) => {
        const runner = new ConsumerRunner({
          groupId: consuming.groupId ?? 'leads.deal-registrations',
          topics: [dealRegistrationTopic.name],
          // Created by the runner once the broker answers; the service starts without waiting for it.
          topicDefinitions: [dealRegistrationTopic],
          handlers,
          transport,
          inbox: new PassThroughInbox(),
          registry: new ContractRegistry(channelsContracts),
          logger: jsonLogger,
        });
        app.get(MessagingHealth).register({ consumer: runner });
        return runner;
      }),
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
}
