import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import { ContractRegistry, dealRegistrationDecisionTopic, leadsContracts, opportunityTopic } from '@salesos/contracts';
import { apiDocument, applyHttpConventions } from '@salesos/http';
import {
  ConsumerRunner,
  jsonLogger,
  type MessageTransport,
  MessagingHealth,
  PassThroughInbox,
  SalesosEventsServer,
} from '@salesos/messaging';
import type { ServiceViews } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { agreementProblems } from './agreements';
import { channelProblems } from './catalogue';
import { dealerProblems } from './dealers';
import { tierProblems } from './tiers';
import { communicationProblems } from './communications';
import { fundProblems } from './funds';
import { registrationProblems } from './registrations';
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
  registrationProblems,
  planProblems,
];

export function channelsOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(
    app,
    'SalesOS channels',
    'Distribution channels and dealers: agreements, tiers, deal registration, plans, contacts and funds.',
  );
}

/** The consumer group the service hears from the leads service in (registration answers, deals), and its topics. */
export const channelsConsumerGroup = {
  groupId: 'channels.leads-events',
  topics: [dealRegistrationDecisionTopic, opportunityTopic],
} as const;

/** Where the service hears from the leads service. */
export interface ChannelsConsuming {
  transport: MessageTransport;
  groupId?: string;
}

export type ChannelsAppOptions = Omit<ChannelsServiceOptions, 'database'> & {
  /** The service's database; without it, an in-memory SQLite one that lives as long as the application. */
  database?: DataSource;
  /** Consume the leads service's events (registration answers, deals) from this transport; without it, none. */
  consuming?: ChannelsConsuming;
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
  if (options.consuming) await consumeLeadsEvents(app, options.consuming);
  return app;
}

/**
 * Connects the consumer of the leads service's events (deal registration answers, and the deals' movements and
 * outcomes) as `@EventPattern` handlers served by the project's consumer runner, without starting it: for a process
 * that starts every consumer at once (`app.startAllMicroservices()`).
 */
export function connectLeadsEvents(app: INestApplication, consuming: ChannelsConsuming): void {
  const { transport } = consuming;
  app.connectMicroservice(
    {
      strategy: new SalesosEventsServer<undefined>((handlers) => {
        const runner = new ConsumerRunner({
          groupId: consuming.groupId ?? channelsConsumerGroup.groupId,
          topics: channelsConsumerGroup.topics.map((topic) => topic.name),
          // Created by the runner once the broker answers; the service starts without waiting for it.
          topicDefinitions: [...channelsConsumerGroup.topics],
          handlers,
          transport,
          inbox: new PassThroughInbox(),
          registry: new ContractRegistry(leadsContracts),
          logger: jsonLogger,
        });
        app.get(MessagingHealth).register({ consumer: runner });
        return runner;
      }),
    },
    { inheritAppConfig: true },
  );
}

/** The channels service hears from the leads service: its consumer connected and started. */
export async function consumeLeadsEvents(app: INestApplication, consuming: ChannelsConsuming): Promise<void> {
  connectLeadsEvents(app, consuming);
  await app.startAllMicroservices();
}

/** Resolves once the service's views hold every event stored when it is called (false after `timeoutMs`). */
export function channelsViewsCaughtUp(app: INestApplicationContext, timeoutMs = 30_000): Promise<boolean> {
  return app.get<ServiceViews>(CHANNELS_VIEWS).caughtUpWithStore(timeoutMs);
}
