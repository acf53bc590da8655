import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator, type RequestContext } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import type { ScoredOn } from '../domain/person-scores.commands';
import type { ScorecardCommand } from '../domain/scorecard.commands';
import { scorecardDecider, type ScorecardState, scorecardVersion } from '../domain/scorecard.decider';
import { invalidScorecardInput, ScorecardError, ScorecardErrorCode } from '../domain/scorecard.errors';
import type { ScorecardEvent } from '../domain/scorecard.events';

export const scorecardNotFound = (scorecardId: string) =>
  new ScorecardError(ScorecardErrorCode.NotFound, `No scorecard ${scorecardId} in your reach`);

/**
 * Each scorecard template is one stream, `scorecard-<scorecardId>`, managed by those who manage the whole division.
 * The feature's module provides it with the service's event store and views.
 */
export class ScorecardStreams extends CallerCommands<ScorecardState, ScorecardCommand, ScorecardEvent> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, scorecardDecider, {
      category: 'scorecard',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: scorecardNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** The version of a scorecard of the caller's division that scores are given on, and whether the card is retired. */
  async scoredOn(scorecardId: string, version: number, caller: RequestContext): Promise<ScoredOn> {
    const { state } = await this.load(scorecardId);
    if (state.status === 'none' || !this.shows(caller, state)) throw scorecardNotFound(scorecardId);
    const scorecard = scorecardVersion(state, version);
    if (scorecard === undefined) {
      const known = state.versions.map((candidate) => candidate.version).join(', ');
      throw invalidScorecardInput(
        'scorecardVersion',
        `Scorecard ${scorecardId} has no version ${version}; it has ${known}`,
      );
    }
    return { ...scorecard, retired: state.status === 'retired' };
  }
}
