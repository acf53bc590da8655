import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import {
  type DemoSignIn,
  DemoSignInModule,
  demoSignInProblems,
  requireTokens,
  type TokenVerifier,
} from '@salesos/auth';
import { apiDocument, applyHttpConventions } from '@salesos/http';
import { ReportingServiceModule, type ReportingServiceOptions } from './reporting-service.module';
import { channelReportProblems } from './channels';
import { projectionAdminProblems } from './read-models';
import { type DashboardBundle, serveDashboard } from './dashboard';

/** How the reporting service's own errors read over HTTP. */
export const reportingProblemMappers = [projectionAdminProblems, channelReportProblems];

export function reportingOpenApi(app: INestApplication): OpenAPIObject {
  return apiDocument(app, 'SalesOS reporting', 'Pipeline, funnel and outcome analytics over the read models.');
}

export interface ReportingAppOptions extends ReportingServiceOptions {
  docsPath?: string;
  auth: TokenVerifier;
  /** The dashboard served at `/`, built by `prepareDashboard`; without it, `/` is not served. */
  dashboard?: DashboardBundle;
  /** The embedded mode's sign-in as the demo users; production takes the identity provider's tokens only. */
  demoSignIn?: DemoSignIn;
}

@Module({})
class ReportingAppModule {}

/** The reporting service as an HTTP application: validation, problem details, its OpenAPI page and the dashboard. */
export async function createReportingApp(options: ReportingAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(
    {
      module: ReportingAppModule,
      imports: [
        ReportingServiceModule.forRoot(options),
        ...(options.demoSignIn === undefined ? [] : [DemoSignInModule.forRoot(options.demoSignIn)]),
      ],
    },
    { logger: ['error', 'warn'] },
  );
  requireTokens(app, options.auth);
  applyHttpConventions(app, [...reportingProblemMappers, demoSignInProblems]);
  app.enableShutdownHooks();
  SwaggerModule.setup(options.docsPath ?? 'docs', app, reportingOpenApi(app), {
    jsonDocumentUrl: `${options.docsPath ?? 'docs'}/openapi.json`,
  });
  if (options.dashboard !== undefined) serveDashboard(app, options.dashboard);
  return app;
}
