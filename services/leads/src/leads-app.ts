import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe, ProblemDetailsFilter } from '@salesos/http';
import { leadProblems } from './leads/api/lead-problems';
import { opportunityProblems } from './opportunities/api/opportunity-problems';
import { LeadsServiceModule, type LeadsServiceOptions } from './leads-service.module';

export function leadsOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('SalesOS leads')
    .setDescription('Target audiences, leads, opportunities and the pipeline. Errors are application/problem+json.')
    .setVersion('0.1.0')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The leads service as an HTTP application: validation, problem details and the OpenAPI page at /docs. */
export async function createLeadsApp(options: LeadsServiceOptions): Promise<INestApplication> {
  const app = await NestFactory.create(LeadsServiceModule.forRoot(options), { logger: ['error', 'warn'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter([leadProblems, opportunityProblems]));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, leadsOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
