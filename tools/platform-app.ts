import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import type { EventStore } from '@salesos/event-store';
import {
  type DemoSignIn,
  DemoSignInModule,
  demoSignInProblems,
  requireTokens,
  type TokenVerifier,
} from '@salesos/auth';
import { apiDocument, applyHttpConventions } from '@salesos/http';
import { MessagingHealth, type MessagingLogger, type MessageTransport, type RelayLock } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import type { ImportLimitsConfig } from '@salesos/config';
import { consumeChannelsEvents, leadsProblemMappers, requireKnownDivisions } from '../services/leads/src';
import { LeadsServiceModule } from '../services/leads/src';
import { type DashboardBundle, ReportingServiceModule, serveDashboard } from '../services/reporting/src';
import { channelsProblemMappers, ChannelsServiceModule, connectLeadsEvents } from '../services/channels/src';
import { reportingProblemMappers } from '../services/reporting/src';
import { staffingProblemMappers, StaffingServiceModule } from '../services/staffing/src';

export interface PlatformParts {
  store: EventStore;
  /** The reporting read models' database. */
  readModels: DataSource;
  /** The leads service's own database. */
  leadsDatabase: DataSource;
  /** The channels service's own database. */
  channelsDatabase: DataSource;
  /** The staffing service's own database. */
  staffingDatabase: DataSource;
  transport: MessageTransport;
  relayLock: RelayLock;
  /** Checks the bearer token of every request but the health checks and the API description. */
  auth: TokenVerifier;
  logger?: MessagingLogger;
  /** How large a CSV import of leads may be; the platform's defaults without it. */
  importLimits?: ImportLimitsConfig;
  /** The reporting service's dashboard, served at `/`; without it, `/` is not served. */
  dashboard?: DashboardBundle;
  /** The embedded mode's sign-in as the demo users; production takes the identity provider's tokens only. */
  demoSignIn?: DemoSignIn;
}

@Module({})
class PlatformModule {}

/**
 * Every service in one Nest application: the same service modules as when each runs alone, on one port, with one
 * OpenAPI page, the dashboard, and one readiness that covers every relay and consumer.
 */
export async function createPlatformApp(parts: PlatformParts): Promise<INestApplication> {
  const health = new MessagingHealth();
  const logger = parts.logger === undefined ? {} : { logger: parts.logger };
  const app = await NestFactory.create(
    {
      module: PlatformModule,
      imports: [
        LeadsServiceModule.forRoot({
          store: parts.store,
          database: parts.leadsDatabase,
          viewsLock: parts.relayLock,
          publishing: { transport: parts.transport, lock: parts.relayLock },
          health,
          ...logger,
          ...(parts.importLimits === undefined ? {} : { imports: { limits: parts.importLimits } }),
        }),
        ChannelsServiceModule.forRoot({
          store: parts.store,
          database: parts.channelsDatabase,
          viewsLock: parts.relayLock,
          publishing: { transport: parts.transport, lock: parts.relayLock },
          health,
          serveHealth: false,
          ...logger,
        }),
        StaffingServiceModule.forRoot({
          store: parts.store,
          database: parts.staffingDatabase,
          viewsLock: parts.relayLock,
          publishing: { transport: parts.transport, lock: parts.relayLock },
          health,
          serveHealth: false,
          ...logger,
        }),
        ReportingServiceModule.forRoot({
          dataSource: parts.readModels,
          consuming: { transport: parts.transport },
          serveHealth: false,
          health,
          ...logger,
        }),
        ...(parts.demoSignIn === undefined ? [] : [DemoSignInModule.forRoot(parts.demoSignIn)]),
      ],
    },
    { logger: ['error', 'warn'] },
  );
  requireTokens(app, parts.auth);
  applyHttpConventions(app, [
    ...leadsProblemMappers,
    ...channelsProblemMappers,
    ...staffingProblemMappers,
    ...reportingProblemMappers,
    demoSignInProblems,
  ]);
  requireKnownDivisions(app);
  app.enableShutdownHooks();
  const document = apiDocument(
    app,
    'SalesOS',
    'Leads, opportunities and the pipeline, channels and dealers, the sales organisation, and the reports over them.',
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  if (parts.dashboard !== undefined) serveDashboard(app, parts.dashboard);
  // The channels service's consumer is connected first: the leads service's start starts every consumer at once.
  connectLeadsEvents(app, { transport: parts.transport });
  await consumeChannelsEvents(app, { transport: parts.transport });
  return app;
}
