import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import type { PersonScoresCommand } from '../domain/person-scores.commands';
import { personScoresDecider, type PersonScoresState } from '../domain/person-scores.decider';
import type { PersonScoresEvent } from '../domain/person-scores.events';
import { ScorecardError, ScorecardErrorCode } from '../domain/scorecard.errors';

/** The id of a person's scores on a scorecard: its stream is `scores-<scorecardId>-<personId>`. */
export const personScoresId = (scorecardId: string, personId: string): string => `${scorecardId}-${personId}`;

export const personScoresNotFound = (id: string) =>
  new ScorecardError(ScorecardErrorCode.NotFound, `No scores ${id} in your reach`);

/**
 * Each person's scores on one scorecard are one stream, `scores-<scorecardId>-<personId>`. The feature's module
 * provides it with the service's event store and views.
 */
export class PersonScoresStreams extends CallerCommands<PersonScoresState, PersonScoresCommand, PersonScoresEvent> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, personScoresDecider, {
      category: 'scores',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: personScoresNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
