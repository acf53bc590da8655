import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RequestContext } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import type { TrainingCommand } from '../domain/training.commands';
import { trainingDecider } from '../domain/training.decider';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';
import type { TrainingEvent } from '../domain/training.events';
import type { TrainingState } from '../domain/training.state';

export const trainingRecordNotFound = (personId: string) =>
  new TrainingError(TrainingErrorCode.RecordNotFound, `No training record of person ${personId} in your reach`);

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
 * Each person's training is one stream, `training-<personId>`. Its reach is the division's for now: team leads and
 * the person themself reach it once the membership view tells whose team a person is in.
 */
@Injectable()
export class TrainingStreams extends CallerCommands<TrainingState, TrainingCommand, TrainingEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(STAFFING_VIEWS) views: Pick<ServiceViews, 'caughtUpWith'>,
  ) {
    super(store, trainingDecider, {
      category: 'training',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: trainingRecordNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
