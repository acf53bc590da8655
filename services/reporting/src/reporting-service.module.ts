import { type DynamicModule, Module } from '@nestjs/common';
import {
  databaseDependency,
  HealthController,
  jsonLogger,
  MessagingHealth,
  type MessagingLogger,
} from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { ChannelReports, ChannelReportsController } from './channels';
import { FunnelReports, FunnelReportsController } from './funnel';
import { PipelineReports, PipelineReportsController } from './pipeline';
import { type ProjectionsConsuming, ReadModelsModule } from './read-models';

export interface ReportingServiceOptions {
  /** The read models' database, opened with `openReportingDatabase`. */
  dataSource: DataSource;
  /**
   * The transport the read models are fed from, and rebuilt from (the topics from their beginning); without it they
   * do not change and there is no rebuild endpoint.
   */
  consuming?: ProjectionsConsuming;
  logger?: MessagingLogger;
  health?: MessagingHealth;
  /** Serve /health and /metrics (default); off when another service in the same application serves them. */
  serveHealth?: boolean;
}

/** The reporting service: read models fed by the published integration events, and the analytics over them. */
@Module({})
export class ReportingServiceModule {
  static forRoot(options: ReportingServiceOptions): DynamicModule {
    const health = options.health ?? new MessagingHealth();
    // Reports come from the read models: without them the service cannot serve, whatever the broker does.
    health.register({ dependency: databaseDependency(options.dataSource, 'read models') });
    const logger = options.logger ?? jsonLogger;
    return {
      module: ReportingServiceModule,
      imports: [
        ReadModelsModule.forRoot({
          dataSource: options.dataSource,
          health,
          logger,
          ...(options.consuming === undefined ? {} : { consuming: options.consuming }),
        }),
      ],
      controllers: [
        ...(options.serveHealth === false ? [] : [HealthController]),
        PipelineReportsController,
        FunnelReportsController,
        ChannelReportsController,
      ],
      providers: [
        { provide: MessagingHealth, useValue: health },
        { provide: PipelineReports, useValue: new PipelineReports(options.dataSource) },
        { provide: FunnelReports, useValue: new FunnelReports(options.dataSource) },
        { provide: ChannelReports, useValue: new ChannelReports(options.dataSource) },
      ],
      exports: [MessagingHealth],
    };
  }
}
