import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import type { MessagingHealth, MessagingLogger, TopicHistoryReader } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { ProjectionAdminController } from './api/projection-admin.controller';
import { ProjectionRebuilder } from './application/projection-rebuilder';
import { ProjectionsConsumer, type ProjectionsConsuming, projectionsGroup } from './messaging/projections-consumer';
import { liveReadModels } from './projections/live-read-models';
import { SqlRebuildTarget } from './projections/sql-rebuild-target';

export interface ReadModelsOptions {
  dataSource: DataSource;
  /** Where integration events come from; without it the read models do not change, and cannot be rebuilt. */
  consuming?: ProjectionsConsuming;
  health: MessagingHealth;
  logger: MessagingLogger;
}

export interface RebuilderOptions {
  dataSource: DataSource;
  /** A fresh reader of the consumed topics from their beginning. */
  history: (topics: readonly string[]) => TopicHistoryReader;
  logger: MessagingLogger;
  /** The live consumer's group, running or not, whose inbox adopts the rebuilt events (default the projections'). */
  liveGroup?: string;
  newId?: () => string;
}

/** A rebuilder of the read models in their database, from the topics the live consumer reads. */
export function createProjectionRebuilder(options: RebuilderOptions): ProjectionRebuilder {
  return new ProjectionRebuilder({
    target: new SqlRebuildTarget(options.dataSource, options.liveGroup ?? projectionsGroup.groupId),
    history: () => options.history(projectionsGroup.topics),
    logger: options.logger,
    newId: options.newId ?? (() => randomUUID()),
  });
}

/**
 * The read models: kept by the live consumer from the published topics, and rebuilt from the same topics (from
 * their beginning) by an admin while reports keep answering.
 */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const { consuming } = options;
    if (consuming === undefined) return { module: ReadModelsModule };
    const consumer = new ProjectionsConsumer(
      options.dataSource,
      liveReadModels,
      consuming,
      options.health,
      options.logger,
    );
    const rebuilder = createProjectionRebuilder({
      dataSource: options.dataSource,
      history: (topics) => consuming.transport.history(topics),
      liveGroup: consumer.groupId,
      logger: options.logger,
    });
    return {
      module: ReadModelsModule,
      controllers: [ProjectionAdminController],
      providers: [
        { provide: ProjectionsConsumer, useValue: consumer },
        { provide: ProjectionRebuilder, useValue: rebuilder },
      ],
    };
  }
}
