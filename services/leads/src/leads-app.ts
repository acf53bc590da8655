import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { ServiceViews } from '@salesos/projections';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import {
  channelsContracts,
  ContractRegistry,
  dealerTopic,
  dealRegistrationTopic,
  type TopicDefinition,
} from '@salesos/contracts';
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
import { dealerProblems } from './dealers';
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
  dealerProblems,
];

export function leadsOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(app, 'SalesOS leads', 'Target audiences, leads, opportunities and the pipeline.');
}

/** The consumer groups the leads service hears from the channels service in, and their topics. */
export const leadsConsumerGroups = {
  /** Dealers' deal registrations, each answered once. */
  dealRegistrations: { groupId: 'leads.deal-registrations', topic: dealRegistrationTopic },
  /** Dealers' standing: which dealers deals may be attributed to. */
  dealers: { groupId: 'leads.dealers', topic: dealerTopic },
} as const satisfies Record<string, { groupId: string; topic: TopicDefinition }>;

/** Where the service hears from the channels service; a group id of its own per consumer, for tests. */
export interface LeadsConsuming {
  transport: MessageTransport;
  groupIds?: Partial<Record<keyof typeof leadsConsumerGroups, string>>;
}

export type LeadsAppOptions = Omit<LeadsServiceOptions, 'database'> & {
  /** The service's database; without it, an in-memory SQLite one that lives as long as the application. */
  database?: DataSource;
  consuming?: LeadsConsuming;
  auth: TokenVerifier;
};

/**
 * The leads service as an HTTP application: validation, problem details and the OpenAPI page at /docs; with
 * `consuming`, it hears from the channels service too.
 */
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
  if (options.consuming) await consumeChannelsEvents(app, options.consuming);
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

/**
 * What the service hears from the channels service (dealers' deal registrations, and their standing) arrives as
 * `@EventPattern` handlers served by the project's consumer runner, one consumer group per topic.
 */
export async function consumeChannelsEvents(app: INestApplication, consuming: LeadsConsuming): Promise<void> {
  for (const [name, { groupId, topic }] of Object.entries(leadsConsumerGroups)) {
    const group = consuming.groupIds?.[name as keyof typeof leadsConsumerGroups] ?? groupId;
    app.connectMicroservice(
      {
        strategy: new SalesosEventsServer<undefined>((handlers) => {
          const runner = new ConsumerRunner({
            groupId: group,
            topics: [topic.name],
            // Created by the runner once the broker answers; the service starts without waiting for it.
            topicDefinitions: [topic],
            handlers,
            transport: consuming.transport,
            // Each effect is a command whose id is the message id: the store takes a redelivery as a repeat.
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
  }
  await app.startAllMicroservices();
}
