import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import { apiDocument, applyHttpConventions } from '@salesos/http';
import { ReportingServiceModule, type ReportingServiceOptions } from './reporting-service.module';
import { channelReportProblems } from './channels';
import { projectionAdminProblems } from './read-models';

/** How the reporting service's own errors read over HTTP. */
export const reportingProblemMappers = [projectionAdminProblems, channelReportProblems];

export function reportingOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(app, 'SalesOS reporting', 'Pipeline, funnel and outcome analytics over the read models.');
}

/** The reporting service as an HTTP application: validation, problem details and its OpenAPI page. */
export async function createReportingApp(
  options: ReportingServiceOptions & { docsPath?: string; auth: TokenVerifier },
): Promise<INestApplication> {
  const app = await NestFactory.create(ReportingServiceModule.forRoot(options), { logger: ['error', 'warn'] });
  requireTokens(app, options.auth);
  applyHttpConventions(app, reportingProblemMappers);
  app.enableShutdownHooks();
  SwaggerModule.setup(options.docsPath ?? 'docs', app, reportingOpenApi(app), {
    jsonDocumentUrl: `${options.docsPath ?? 'docs'}/openapi.json`,
  });
  return app;
}
