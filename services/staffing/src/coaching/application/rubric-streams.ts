import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { CoachingError, CoachingErrorCode } from '../domain/coaching.errors';
import type { Rubric } from '../domain/rubric.events';
import { rubricDecider, type RubricState, type SetRubric } from '../domain/rubric.decider';
import type { RubricEvent } from '../domain/rubric.events';

/**
 * Each division's coaching rubric is one stream, `rubric-<divisionId>`, set by those who manage the whole division.
 * The feature's module provides it with the service's event store and views.
 */
export class RubricStreams extends CallerCommands<RubricState, SetRubric, RubricEvent> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, rubricDecider, {
      category: 'rubric',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: (divisionId) =>
          new CoachingError(CoachingErrorCode.NotFound, `No rubric of division ${divisionId} in your reach`),
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** The division's current rubric, which a review opened now is scored against. */
  async current(divisionId: string): Promise<Rubric> {
    const { state } = await this.load(divisionId);
    if (state.status === 'none') {
      throw new CoachingError(
        CoachingErrorCode.RubricNotSet,
        `Division ${divisionId} has no coaching rubric yet: set one before opening reviews`,
      );
    }
    const { version, criteria, scale } = state;
    return { version, criteria, scale };
  }
}
