import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RequestContext } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import type { TrainingCommand } from '../domain/training.commands';
import { trainingDecider } from '../domain/training.decider';
import type { TrainingEvent } from '../domain/training.events';
import type { TrainingState } from '../domain/training.state';
import { TrainingReach } from './training-reach';

/**
 * What the platform's own processes act as (the expiry timer). The key makes each command's id deterministic, so a
 * timer firing twice, or on two replicas, records nothing twice.
 */
export function systemCaller(divisionId: string, actor: string, key: string): RequestContext {
  return {
    divisionId,
    actor: { userId: `system:${actor}`, roles: [] },
    idempotencyKey: key,
    idempotencyScope: actor,
  };
}

/**
 * Each person's training is one stream, `training-<personId>`. Whose it is comes from the people feature, not from
 * the stream: before each command the caller must reach the person today (`TrainingReach`); the decider keeps each
 * record to its division.
 */
@Injectable()
export class TrainingStreams extends CallerCommands<TrainingState, TrainingCommand, TrainingEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(STAFFING_VIEWS) views: Pick<ServiceViews, 'caughtUpWith'>,
    @Inject(TrainingReach) private readonly reach: Pick<TrainingReach, 'requirePerson'>,
  ) {
    super(store, trainingDecider, {
      category: 'training',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** Refuses, as not found, a person the caller does not reach: before a command reads anything else for them. */
  requirePerson(personId: string, context: RequestContext): Promise<void> {
    return this.reach.requirePerson(personId, context);
  }

  override async run(
    personId: string,
    context: RequestContext,
    expectedVersion: number | undefined,
    command: Omit<TrainingCommand, 'metadata'>,
    creates = false,
  ): Promise<CommandResult<TrainingState, TrainingEvent>> {
    await this.reach.requirePerson(personId, context);
    return super.run(personId, context, expectedVersion, command, creates);
  }
}
