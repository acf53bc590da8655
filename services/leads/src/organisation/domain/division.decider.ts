import type { Command, Decider } from '@salesos/event-sourcing';
import { DivisionError, DivisionErrorCode } from './division.errors';
import { type DivisionEvent, divisionEvents, type DivisionRoster } from './division.events';

export type RecordDivision = Command<'RecordDivision', DivisionRoster & { divisionId: string }>;

export type Division = DivisionRoster & { status: 'recorded'; divisionId: string };
export type DivisionState = { status: 'none' } | Division;

/** The position of the first id listed a second time. */
function repeatedAt(ids: readonly string[]): number {
  return ids.findIndex((id, index) => ids.indexOf(id) !== index);
}

/** A roster must hold together: ids once each, and every team member a rep of the division. */
function checkRoster(roster: DivisionRoster): void {
  const lists: Array<[string, readonly string[], string]> = [
    ['repIds', roster.repIds, ''],
    ['teams', roster.teams.map((team) => team.teamId), '.teamId'],
  ];
  for (const [name, ids, suffix] of lists) {
    const at = repeatedAt(ids);
    if (at !== -1) {
      throw new DivisionError(
        DivisionErrorCode.InvalidRoster,
        `lists '${ids[at]}' a second time`,
        `${name}[${at}]${suffix}`,
      );
    }
  }
  for (const [teamAt, team] of roster.teams.entries()) {
    const strangerAt = team.repIds.findIndex((repId) => !roster.repIds.includes(repId));
    if (strangerAt !== -1) {
      throw new DivisionError(
        DivisionErrorCode.InvalidRoster,
        `names ${team.repIds[strangerAt]}, who is not one of the division's reps`,
        `teams[${teamAt}].repIds[${strangerAt}]`,
      );
    }
  }
}

const same = (a: DivisionRoster, b: DivisionRoster): boolean =>
  JSON.stringify([a.name, a.repIds, a.teams]) === JSON.stringify([b.name, b.repIds, b.teams]);

/** A division's record, replaced as a whole, so that what it holds is always one consistent roster. */
export const divisionDecider: Decider<DivisionState, RecordDivision, DivisionEvent> = {
  events: divisionEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { divisionId, ...roster } = command.data;
    checkRoster(roster);
    if (state.status !== 'none' && same(state, roster)) return [];
    return [{ type: 'DivisionRecorded', data: { divisionId, ...roster, recordedAt: command.metadata.now } }];
  },

  evolve(_state, event) {
    const { recordedAt: _recordedAt, dealerIds: _retired, ...division } = event.data;
    return { status: 'recorded', ...division };
  },
};
