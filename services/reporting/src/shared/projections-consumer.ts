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
import { ReadModelSession } from './read-model-session';

/** One function for every type, so the consumer hands over runs of consecutive events in one call. */
const applyLive = (events: readonly IntegrationEvent[], tx: EntityManager) => applyBatch(tx, liveTables, events);

/** Every projection of the reporting service, in the order an event is applied to them. */
export const reportingProjections: readonly Projection[] = [leadFunnelProjection, pipelineProjection];

/** The event types the projections take. */
export const projectedTypes = [
  ...new Set(reportingProjections.flatMap((projection) => [...projection.handlers.keys()])),
];

/**
 * Applies a batch of events to the projections writing to `tables`, inside `tx`: the rows they touch are read once,
 * changed in memory event by event, and written back once.
 */
export async function applyBatch(
  tx: EntityManager,
  tables: ReadModelTables,
  events: readonly IntegrationEvent[],
): Promise<void> {
  const session = await ReadModelSession.open(tx, tables, events);
  applyInMemory(session, events);
  await session.flush(tx);
}

/** Applies events to a session's rows, in order, through every projection that takes them. */
export function applyInMemory(session: ReadModelSession, events: readonly IntegrationEvent[]): void {
  for (const event of events) {
    for (const projection of reportingProjections) projection.handlers.get(event.type)?.(event, session);
  }
}

/** The consumer group of the reporting projections, and the topics it reads. */
export const projectionsGroup = { groupId: 'reporting.projections', topics: [leadTopic.name, opportunityTopic.name] };

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
    consuming: ProjectionsConsuming,
    health: MessagingHealth,
    logger: MessagingLogger,
  ) {
    this.runner = new ConsumerRunner({
      groupId: consuming.groupId ?? projectionsGroup.groupId,
      topics: projectionsGroup.topics,
      // The consumer may be the first to need them on a fresh broker: it creates them before it joins.
      topicDefinitions: [leadTopic, opportunityTopic],
      batchHandlers: new Map(projectedTypes.map((type) => [type, applyLive])),
      transport: consuming.transport,
      inbox: new TypeOrmInbox(dataSource),
      registry: new ContractRegistry(leadsContracts),
      fromBeginning: true,
      logger,
    });
    health.register({ consumer: this.runner });
  }

  /**
   * Joins in the background: the service answers reports from its tables at once, also while the broker is down or
   * the group still waits for a member that died; readiness says how far the consumer got.
   */
  onApplicationBootstrap(): void {
    void this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
