import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  ContractRegistry,
  type IntegrationEvent,
  leadsContracts,
  leadTopic,
  opportunityTopic,
} from '@salesos/contracts';
import {
  ConsumerRunner,
  type EventHandler,
  type MessageTransport,
  type MessagingHealth,
  type MessagingLogger,
  TypeOrmInbox,
} from '@salesos/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { leadFunnelProjection } from '../funnel/projections/lead-funnel.projection';
import { pipelineProjection } from '../pipeline/projections/pipeline.projection';
import type { Projection } from './projection';
import { liveTables, type ReadModelTables } from './read-model-tables';

/** Every projection of the reporting service, writing to these tables, in the order an event is applied to them. */
export function reportingProjections(tables: ReadModelTables = liveTables): readonly Projection[] {
  return [leadFunnelProjection(tables), pipelineProjection(tables)];
}

/** One handler per event type that applies the event to every projection that takes it, in one transaction. */
export function combinedHandlers(projections: readonly Projection[]): Map<string, EventHandler<EntityManager>> {
  const types = new Set(projections.flatMap((projection) => [...projection.handlers.keys()]));
  return new Map(
    [...types].map((type) => [
      type,
      async (event: IntegrationEvent, tx: EntityManager) => {
        for (const projection of projections) await projection.handlers.get(type)?.(event, tx);
      },
    ]),
  );
}

export interface ProjectionsConsuming {
  transport: MessageTransport;
  groupId?: string;
}

/**
 * Feeds the read models from the integration events on the transport. Each batch's effects and the ids of its
 * events commit in one transaction (the inbox), so an event delivered twice is applied once; the consumer group's
 * committed offsets say where to resume.
 */
export class ProjectionsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runner: ConsumerRunner<EntityManager>;

  constructor(
    dataSource: DataSource,
    private readonly consuming: ProjectionsConsuming,
    health: MessagingHealth,
    logger: MessagingLogger,
  ) {
    this.runner = new ConsumerRunner({
      groupId: consuming.groupId ?? 'reporting.projections',
      topics: [leadTopic.name, opportunityTopic.name],
      handlers: combinedHandlers(reportingProjections()),
      transport: consuming.transport,
      inbox: new TypeOrmInbox(dataSource),
      registry: new ContractRegistry(leadsContracts),
      fromBeginning: true,
      logger,
    });
    health.register({ consumer: this.runner });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consuming.transport.ensureTopics([leadTopic, opportunityTopic]);
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
