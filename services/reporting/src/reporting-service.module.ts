import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  databaseDependency,
  HealthController,
  jsonLogger,
  MessagingHealth,
  type MessagingLogger,
} from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { FunnelReportsController } from './funnel/api/funnel-reports.controller';
import { FunnelReports } from './funnel/application/funnel-reports';
import { PipelineReportsController } from './pipeline/api/pipeline-reports.controller';
import { PipelineReports } from './pipeline/application/pipeline-reports';
import { ProjectionsConsumer, type ProjectionsConsuming } from './shared/projections-consumer';
import { ProjectionAdminController } from './shared/api/projection-admin.controller';
import type { IntegrationEventHistory } from './shared/integration-event-history.port';
import { ProjectionRebuilder } from './shared/projection-rebuild';

export interface ReportingServiceOptions {
  /** The read models' database, opened with `openReportingDatabase`. */
  dataSource: DataSource;
  /** Where integration events come from; without it the read models only change through rebuilds. */
  consuming?: ProjectionsConsuming;
  logger?: MessagingLogger;
  health?: MessagingHealth;
  /** The event history to rebuild read models from; without it there is no rebuild endpoint. */
  history?: IntegrationEventHistory;
  /** Serve /health and /metrics (default); off when another service in the same application serves them. */
  serveHealth?: boolean;
}

/** The reporting service: read models fed by integration events, and the analytics over them. */
@Module({})
export class ReportingServiceModule {
  static forRoot(options: ReportingServiceOptions): DynamicModule {
    const health = options.health ?? new MessagingHealth();
    // Reports come from the read models: without them the service cannot serve, whatever the broker does.
    health.register({ dependency: databaseDependency(options.dataSource, 'read models') });
    const logger = options.logger ?? jsonLogger;
    return {
      module: ReportingServiceModule,
      controllers: [
        ...(options.serveHealth === false ? [] : [HealthController]),
        PipelineReportsController,
        FunnelReportsController,
        ...(options.history ? [ProjectionAdminController] : []),
      ],
      providers: [
        { provide: MessagingHealth, useValue: health },
        { provide: PipelineReports, useValue: new PipelineReports(options.dataSource) },
        { provide: FunnelReports, useValue: new FunnelReports(options.dataSource) },
        ...(options.history
          ? [
              {
                provide: ProjectionRebuilder,
                useValue: new ProjectionRebuilder(options.dataSource, options.history, logger, () => randomUUID()),
              },
            ]
          : []),
        ...(options.consuming
          ? [
              {
                provide: ProjectionsConsumer,
                useValue: new ProjectionsConsumer(options.dataSource, options.consuming, health, logger),
              },
            ]
          : []),
      ],
      exports: [MessagingHealth],
    };
  }
}
