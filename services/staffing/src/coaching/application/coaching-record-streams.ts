import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator, type RequestContext } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { CoachingError, CoachingErrorCode } from '../domain/coaching.errors';
import type { CoachingRecordCommand } from '../domain/coaching-record.commands';
import { coachingRecordDecider, type CoachingRecordState } from '../domain/coaching-record.decider';
import type { CoachingRecordEvent } from '../domain/coaching-record.events';

export const coachingRecordNotFound = (personId: string) =>
  new CoachingError(CoachingErrorCode.NotFound, `No coaching record of ${personId} in your reach`);

/**
 * What the platform's own processes act as (the leads service's events). The key makes each command's id
 * deterministic, so a redelivered event records nothing twice.
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
 * Each person's coaching record is one stream, `coaching-<personId>`: their lost deals and the suggestions raised
 * from them. The feature's module provides it with the service's event store and views.
 */
export class CoachingRecordStreams extends CallerCommands<
  CoachingRecordState,
  CoachingRecordCommand,
  CoachingRecordEvent
> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, coachingRecordDecider, {
      category: 'coaching',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: coachingRecordNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
