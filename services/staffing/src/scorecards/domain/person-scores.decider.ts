import type { Decider } from '@salesos/event-sourcing';
import { scoresProblem } from '../../core/domain/criteria';
import type { PersonScoresCommand } from './person-scores.commands';
import { type EvidencedScore, type PersonScoresEvent, personScoresEvents } from './person-scores.events';
import { periodStart } from './score-period';
import { ScorecardError, ScorecardErrorCode, invalidScorecardInput } from './scorecard.errors';
import { weightedTotal } from './weighted-total';

/** One giving of a period's scores: the first, or a revision with its reason. */
export interface PeriodScoring {
  scorecardVersion: number;
  scores: EvidencedScore[];
  total: number;
  by: string;
  at: string;
  reason?: string;
}

export interface PeriodRecord {
  period: string;
  /** Every scoring of the period, first first; the last stands. */
  history: PeriodScoring[];
}

export interface PersonScores {
  status: 'kept';
  scorecardId: string;
  personId: string;
  divisionId: string;
  periods: PeriodRecord[];
}

export type PersonScoresState = { status: 'none' } | PersonScores;

/** The scores that stand for a period, if it was scored. */
export const standingScores = (record: PeriodRecord): PeriodScoring =>
  record.history[record.history.length - 1] as PeriodScoring;

/** Evidence links are opened by whoever reads the scorecard, so only web addresses are accepted. */
function checkLinks(scores: readonly EvidencedScore[]): void {
  for (const [at, { evidence }] of scores.entries()) {
    for (const [index, link] of (evidence.links ?? []).entries()) {
      const protocol = URL.canParse(link) ? new URL(link).protocol : undefined;
      if (protocol !== 'https:' && protocol !== 'http:') {
        throw invalidScorecardInput(
          `scores[${at}].evidence.links[${index}]`,
          'An evidence link is an http or https address',
        );
      }
    }
  }
}

function checkPeriod(period: string, now: string): void {
  const start = periodStart(period);
  if (start === undefined) {
    throw invalidScorecardInput(
      'period',
      `'${period}' is no period: give a year (2026), a quarter (2026-Q3) or a month (2026-11)`,
    );
  }
  if (start > now.slice(0, 10)) throw invalidScorecardInput('period', `Period ${period} has not begun yet`);
}

/**
 * The stream's record, when the command is about its scorecard, person and division. The stream id joins two ids
 * that may themselves hold dashes, so a record of another pair under the same stream id is refused, never mixed in.
 */
function recordFor(state: PersonScoresState, command: PersonScoresCommand): PersonScoresState {
  if (state.status === 'none') return state;
  const { scorecardId, personId } = command.data;
  const division = command.metadata.divisionId ?? command.data.divisionId;
  if (state.scorecardId !== scorecardId || state.personId !== personId || state.divisionId !== division) {
    throw new ScorecardError(
      ScorecardErrorCode.NotFound,
      `No scores of ${personId} on scorecard ${scorecardId} in your division`,
    );
  }
  return state;
}

/**
 * A person's scores on one scorecard (stream `scores-<scorecardId>-<personId>`): each period scored once on a
 * version of the card, criterion by criterion with evidence, then revised with a reason, the history kept.
 */
export const personScoresDecider: Decider<PersonScoresState, PersonScoresCommand, PersonScoresEvent> = {
  events: personScoresEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): PersonScoresEvent[] {
    const record = recordFor(state, command);
    const { scorecardId, personId, divisionId, period, scorecard } = command.data;
    checkPeriod(period, command.metadata.now);
    const known =
      record.status === 'kept' ? record.periods.find((candidate) => candidate.period === period) : undefined;
    if (command.type === 'ScorePeriod') {
      if (known !== undefined) {
        throw new ScorecardError(
          ScorecardErrorCode.PeriodAlreadyScored,
          `Period ${period} is scored already; revise it, giving the reason`,
          { field: 'period' },
        );
      }
      if (scorecard.retired) {
        throw new ScorecardError(
          ScorecardErrorCode.InvalidTransition,
          `Scorecard ${scorecardId} is retired: nothing new is scored on it`,
          { status: 'retired' },
        );
      }
    } else if (known === undefined) {
      throw new ScorecardError(
        ScorecardErrorCode.PeriodNotScored,
        `Period ${period} was never scored: score it first`,
        {
          field: 'period',
        },
      );
    }
    const criterionIds = scorecard.criteria.map((criterion) => criterion.criterionId);
    const problem = scoresProblem(command.data.scores, criterionIds, scorecard.scale);
    if (problem !== undefined) throw invalidScorecardInput(problem.field, problem.message);
    checkLinks(command.data.scores);
    // Scores are kept in the card's order, so two scorings with the same judgement compare equal.
    const scores = criterionIds.map(
      (criterionId) => command.data.scores.find((score) => score.criterionId === criterionId) as EvidencedScore,
    );
    const given = {
      scorecardId,
      personId,
      divisionId,
      period,
      scorecardVersion: scorecard.version,
      scores,
      total: weightedTotal(scorecard.criteria, scores),
    };
    const now = command.metadata.now;
    if (command.type === 'ScorePeriod') {
      return [{ type: 'PeriodScored', data: { ...given, scoredBy: command.data.scoredBy, scoredAt: now } }];
    }
    const standing = standingScores(known as PeriodRecord);
    if (
      JSON.stringify([standing.scorecardVersion, standing.scores]) === JSON.stringify([given.scorecardVersion, scores])
    ) {
      return [];
    }
    const { reason, revisedBy } = command.data;
    return [{ type: 'PeriodScoreRevised', data: { ...given, reason, revisedBy, revisedAt: now } }];
  },

  evolve(state, event): PersonScoresState {
    const { scorecardId, personId, divisionId, period, scorecardVersion, scores, total } = event.data;
    const record: PersonScores =
      state.status === 'kept' ? state : { status: 'kept', scorecardId, personId, divisionId, periods: [] };
    const scoring: PeriodScoring =
      event.type === 'PeriodScored'
        ? { scorecardVersion, scores, total, by: event.data.scoredBy, at: event.data.scoredAt }
        : {
            scorecardVersion,
            scores,
            total,
            by: event.data.revisedBy,
            at: event.data.revisedAt,
            reason: event.data.reason,
          };
    const known = record.periods.find((candidate) => candidate.period === period);
    const periods =
      known === undefined
        ? [...record.periods, { period, history: [scoring] }]
        : record.periods.map((candidate) =>
            candidate === known ? { period, history: [...candidate.history, scoring] } : candidate,
          );
    return { ...record, periods };
  },
};
