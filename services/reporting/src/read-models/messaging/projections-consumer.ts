import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  dealerTopic,
  dealRegistrationTopic,
  leadTopic,
  opportunityTopic,
  planTopic,
  tierTopic,
} from '@salesos/contracts';
import {
  ConsumerRunner,
  type MessageTransport,
  type MessagingHealth,
  type MessagingLogger,
  TypeOrmInbox,
} from '@salesos/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { consumedContracts } from '../application/consumed-contracts';
import type { ReadModelWriter } from '../application/read-model-writer.port';

/**
 * The topics the reporting projections read: the leads' deals and leads, the channels' dealers, tiers, plans and deal
 * registrations.
 */
const consumedTopics = [leadTopic, opportunityTopic, dealerTopic, tierTopic, planTopic, dealRegistrationTopic];

/** The consumer group of the reporting projections, and the topics it reads. */
export const projectionsGroup = {
  groupId: 'reporting.projections',
  topics: consumedTopics.map((topic) => topic.name),
};

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
    writer: ReadModelWriter,
    consuming: ProjectionsConsuming,
    health: MessagingHealth,
    logger: MessagingLogger,
  ) {
    // One function for every type, so the runner hands over runs of consecutive events in one call.
    const apply = (events: Parameters<ReadModelWriter['apply']>[1], tx: EntityManager) => writer.apply(tx, events);
    this.runner = new ConsumerRunner({
      groupId: consuming.groupId ?? projectionsGroup.groupId,
      topics: projectionsGroup.topics,
      // The consumer may be the first to need them on a fresh broker: it creates them before it joins.
      topicDefinitions: consumedTopics,
      batchHandlers: new Map(writer.types.map((type) => [type, apply])),
      transport: consuming.transport,
      inbox: new TypeOrmInbox(dataSource, undefined, (tx) => writer.guard(tx)),
      registry: consumedContracts(),
      fromBeginning: true,
      logger,
    });
    health.register({ consumer: this.runner });
  }

  get groupId(): string {
    return this.runner.status().groupId;
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
