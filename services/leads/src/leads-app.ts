import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { channelsContracts, ContractRegistry, dealRegistrationTopic } from '@salesos/contracts';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import { apiDocument, createValidationPipe, ProblemDetailsFilter } from '@salesos/http';
import {
  ConsumerRunner,
  jsonLogger,
  type MessageTransport,
  MessagingHealth,
  PassThroughInbox,
  SalesosEventsServer,
} from '@salesos/messaging';
import { leadProblems } from './leads/api/lead-problems';
import { opportunityProblems } from './opportunities/api/opportunity-problems';
import { segmentProblems } from './segments/api/segment-problems';
import { assignmentProblems } from './assignment/api/assignment-rules.controller';
import { LeadsServiceModule, type LeadsServiceOptions } from './leads-service.module';

/** How the leads service's own errors read over HTTP. */
export const leadsProblemMappers = [leadProblems, opportunityProblems, segmentProblems, assignmentProblems];

export function leadsOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(app, 'SalesOS leads', 'Target audiences, leads, opportunities and the pipeline.');
}

/** The leads service as an HTTP application: validation, problem details and the OpenAPI page at /docs. */
export interface LeadsConsuming {
  transport: MessageTransport;
  groupId?: string;
}

export async function createLeadsApp(
  options: LeadsServiceOptions & { consuming?: LeadsConsuming; auth: TokenVerifier },
): Promise<INestApplication> {
  const app = await NestFactory.create(LeadsServiceModule.forRoot(options), { logger: ['error', 'warn'] });
  requireTokens(app, options.auth);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(leadsProblemMappers));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, leadsOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  if (options.consuming) await consumeDealRegistrations(app, options.consuming);
  return app;
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
