import type { Decider } from '@salesos/event-sourcing';
import { criteriaProblem } from '../../core/domain/criteria';
import { scaleProblem } from '../../core/domain/score-scale';
import type { ScorecardCommand } from './scorecard.commands';
import { ScorecardError, ScorecardErrorCode, invalidScorecardInput } from './scorecard.errors';
import { type ScorecardContent, type ScorecardEvent, scorecardEvents, type ScorecardTarget } from './scorecard.events';

export type ScorecardStatus = 'active' | 'retired';

/** One version of a scorecard, as scores refer to it. */
export type ScorecardVersion = ScorecardContent & { version: number };

export interface Scorecard {
  status: ScorecardStatus;
  scorecardId: string;
  divisionId: string;
  appliesTo: ScorecardTarget;
  /** Every version, first first; the last is the current one. */
  versions: ScorecardVersion[];
}

export type ScorecardState = { status: 'none' } | Scorecard;

export const currentVersion = (scorecard: Scorecard): ScorecardVersion =>
  scorecard.versions[scorecard.versions.length - 1] as ScorecardVersion;

/** One version of the scorecard, if it has it. */
export const scorecardVersion = (scorecard: Scorecard, version: number): ScorecardVersion | undefined =>
  scorecard.versions.find((candidate) => candidate.version === version);

/** Criteria once each, weights that are whole percent summing to 100, and a sound scale. */
function checkContent(content: ScorecardContent): void {
  const problem = criteriaProblem(content.criteria) ?? scaleProblem(content.scale);
  if (problem !== undefined) throw invalidScorecardInput(problem.field, problem.message);
  for (const [at, { weight }] of content.criteria.entries()) {
    if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
      throw invalidScorecardInput(`criteria[${at}].weight`, 'A weight is a whole percent from 1 to 100');
    }
  }
  const sum = content.criteria.reduce((total, { weight }) => total + weight, 0);
  if (sum !== 100) throw invalidScorecardInput('criteria', `The weights sum to ${sum}; they must sum to 100`);
}

const sameContent = (a: ScorecardContent, b: ScorecardContent): boolean =>
  JSON.stringify([a.name, a.criteria, a.scale]) === JSON.stringify([b.name, b.criteria, b.scale]);

/** The scorecard, if it exists in the caller's division; another division's is reported as not found. */
function existing(state: ScorecardState, divisionId: string | undefined): Scorecard {
  if (state.status === 'none' || (divisionId !== undefined && divisionId !== state.divisionId)) {
    throw new ScorecardError(ScorecardErrorCode.NotFound, 'No scorecard with this id in your division');
  }
  return state;
}

/** The content of a command, without whatever else it carries. */
const contentOf = ({ name, criteria, scale }: ScorecardContent): ScorecardContent => ({ name, criteria, scale });

/**
 * A scorecard template (stream `scorecard-<scorecardId>`): the criteria people of a unit or position are scored on,
 * weighted, revised as new versions, retired when no longer used.
 */
export const scorecardDecider: Decider<ScorecardState, ScorecardCommand, ScorecardEvent> = {
  events: scorecardEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): ScorecardEvent[] {
    const now = command.metadata.now;
    if (command.type === 'DefineScorecard') {
      const { scorecardId, divisionId, appliesTo } = command.data;
      if (state.status !== 'none') {
        throw new ScorecardError(
          ScorecardErrorCode.AlreadyExists,
          `Scorecard ${scorecardId} already exists and is ${state.status}`,
          { status: state.status },
        );
      }
      const content = contentOf(command.data);
      checkContent(content);
      return [
        {
          type: 'ScorecardDefined',
          data: { scorecardId, divisionId, appliesTo, version: 1, ...content, definedAt: now },
        },
      ];
    }
    const scorecard = existing(state, command.metadata.divisionId);
    const ids = { scorecardId: scorecard.scorecardId, divisionId: scorecard.divisionId };
    switch (command.type) {
      case 'ReviseScorecard': {
        if (scorecard.status === 'retired') {
          throw new ScorecardError(
            ScorecardErrorCode.InvalidTransition,
            `Scorecard ${scorecard.scorecardId} is retired: it is no longer revised`,
            { status: scorecard.status },
          );
        }
        const content = contentOf(command.data);
        checkContent(content);
        const current = currentVersion(scorecard);
        if (sameContent(current, content)) return [];
        return [
          { type: 'ScorecardRevised', data: { ...ids, version: current.version + 1, ...content, revisedAt: now } },
        ];
      }
      case 'RetireScorecard':
        if (scorecard.status === 'retired') return [];
        return [{ type: 'ScorecardRetired', data: { ...ids, retiredAt: now } }];
    }
  },

  evolve(state, event): ScorecardState {
    if (event.type === 'ScorecardDefined') {
      const { scorecardId, divisionId, appliesTo, version, name, criteria, scale } = event.data;
      return { status: 'active', scorecardId, divisionId, appliesTo, versions: [{ version, name, criteria, scale }] };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ScorecardRevised': {
        const { version, name, criteria, scale } = event.data;
        return { ...state, versions: [...state.versions, { version, name, criteria, scale }] };
      }
      case 'ScorecardRetired':
        return { ...state, status: 'retired' };
    }
  },
};
