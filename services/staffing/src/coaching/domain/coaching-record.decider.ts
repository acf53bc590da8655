import type { Decider } from '@salesos/event-sourcing';
import { repeatedAt } from '../../core/domain/criteria';
import { CoachingError, CoachingErrorCode, invalidCoachingInput } from './coaching.errors';
import type { CoachingRecordCommand, NoteLoss, RaiseCoachingSuggestion } from './coaching-record.commands';
import { type CoachingRecordEvent, coachingRecordEvents, type SuggestionPeriod } from './coaching-record.events';
import { type Loss, type LossRule, lossPatterns } from './loss-patterns';

export interface CoachingSuggestion {
  suggestionId: string;
  reason: string;
  opportunityIds: string[];
  period: SuggestionPeriod;
  status: 'open' | 'acknowledged';
  /** The review the suggestion was taken up in, once acknowledged. */
  reviewId?: string;
}

export interface CoachingRecord {
  status: 'kept';
  personId: string;
  divisionId: string;
  /** Each lost deal once, with its latest loss. */
  losses: Loss[];
  /** The leads service's events already noted: a redelivered one changes nothing. */
  sourceEventIds: string[];
  suggestions: CoachingSuggestion[];
}

export type CoachingRecordState = { status: 'none' } | CoachingRecord;

/** The deals some suggestion names already: each lost deal feeds one suggestion at most. */
export const suggestedDeals = (record: CoachingRecord): Set<string> =>
  new Set(record.suggestions.flatMap((suggestion) => suggestion.opportunityIds));

/** The record, if it is of the caller's division; another division's person is reported as not found. */
function inDivision(state: CoachingRecordState, divisionId: string | undefined): CoachingRecordState {
  if (state.status !== 'none' && divisionId !== undefined && divisionId !== state.divisionId) {
    throw new CoachingError(CoachingErrorCode.NotFound, 'No coaching record of this person in your division');
  }
  return state;
}

function refuseTakenSuggestionId(state: CoachingRecordState, suggestionId: string): void {
  if (state.status === 'kept' && state.suggestions.some((known) => known.suggestionId === suggestionId)) {
    throw new CoachingError(CoachingErrorCode.IdInUse, `Suggestion ${suggestionId} exists already`, {
      field: 'suggestionId',
    });
  }
}

/** Two losses are a pattern's start, not one; a window longer than a year would not be about recent work. */
function checkRule(rule: LossRule): void {
  if (!Number.isInteger(rule.threshold) || rule.threshold < 2 || rule.threshold > 50) {
    throw invalidCoachingInput('rule.threshold', 'A pattern is a whole number of 2 to 50 lost deals');
  }
  if (!Number.isInteger(rule.windowDays) || rule.windowDays < 1 || rule.windowDays > 366) {
    throw invalidCoachingInput('rule.windowDays', 'A pattern lies within a whole number of 1 to 366 days');
  }
}

/**
 * Notes the loss and, when it completes a pattern of losses for its reason that no suggestion names yet, raises a
 * suggestion naming those deals, in the same decision: the loss is never recorded without its consequence.
 */
function noteLoss(command: NoteLoss, state: CoachingRecordState): CoachingRecordEvent[] {
  const { suggestionId, rule, ...loss } = command.data;
  if (state.status === 'kept' && state.sourceEventIds.includes(loss.sourceEventId)) return [];
  checkRule(rule);
  const now = command.metadata.now;
  const noted: CoachingRecordEvent = { type: 'LossNoted', data: { ...loss, notedAt: now } };
  const known = state.status === 'kept' ? state.losses : [];
  const named = state.status === 'kept' ? suggestedDeals(state) : new Set<string>();
  const losses = [
    ...known,
    { opportunityId: loss.opportunityId, reason: loss.reason, lostOn: loss.lostAt.slice(0, 10) },
  ];
  const pattern = lossPatterns(
    losses.filter((candidate) => !named.has(candidate.opportunityId)),
    now,
    rule,
  ).find((found) => found.reason === loss.reason && found.opportunityIds.includes(loss.opportunityId));
  if (pattern === undefined) return [noted];
  refuseTakenSuggestionId(state, suggestionId);
  const { personId, divisionId } = loss;
  const { reason, opportunityIds, from, to } = pattern;
  return [
    noted,
    {
      type: 'CoachingSuggested',
      data: { personId, divisionId, suggestionId, reason, opportunityIds, period: { from, to }, suggestedAt: now },
    },
  ];
}

function raiseSuggestion(command: RaiseCoachingSuggestion, state: CoachingRecordState): CoachingRecordEvent[] {
  const { opportunityIds, period, suggestionId } = command.data;
  const twice = repeatedAt(opportunityIds);
  if (twice !== -1) {
    throw invalidCoachingInput(`opportunityIds[${twice}]`, `'${opportunityIds[twice]}' is listed a second time`);
  }
  if (period.to < period.from) throw invalidCoachingInput('period.to', 'A period ends on or after the day it starts');
  refuseTakenSuggestionId(state, suggestionId);
  if (state.status === 'kept') {
    for (const [at, opportunityId] of opportunityIds.entries()) {
      const earlier = state.suggestions.find((suggestion) => suggestion.opportunityIds.includes(opportunityId));
      if (earlier !== undefined) {
        throw new CoachingError(
          CoachingErrorCode.SuggestionRepeated,
          `Deal ${opportunityId} is named by suggestion ${earlier.suggestionId} already`,
          { field: `opportunityIds[${at}]` },
        );
      }
    }
  }
  return [{ type: 'CoachingSuggested', data: { ...command.data, suggestedAt: command.metadata.now } }];
}

/**
 * A person's coaching record (stream `coaching-<personId>`): lost deals noted from the leads service, and the
 * suggestions raised when they repeat a reason, each taken up in a review.
 */
export const coachingRecordDecider: Decider<CoachingRecordState, CoachingRecordCommand, CoachingRecordEvent> = {
  events: coachingRecordEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): CoachingRecordEvent[] {
    const record = inDivision(state, command.metadata.divisionId);
    switch (command.type) {
      case 'NoteLoss':
        return noteLoss(command, record);
      case 'RaiseCoachingSuggestion':
        return raiseSuggestion(command, record);
      case 'AcknowledgeSuggestion': {
        const { suggestionId, reviewId, acknowledgedBy } = command.data;
        const suggestion =
          record.status === 'kept'
            ? record.suggestions.find((known) => known.suggestionId === suggestionId)
            : undefined;
        if (record.status === 'none' || suggestion === undefined) {
          throw new CoachingError(
            CoachingErrorCode.NotFound,
            `No coaching suggestion ${suggestionId} in your division`,
          );
        }
        if (suggestion.reviewId === reviewId) return [];
        if (suggestion.status === 'acknowledged') {
          throw new CoachingError(
            CoachingErrorCode.InvalidTransition,
            `Suggestion ${suggestionId} was taken up in review ${suggestion.reviewId} already`,
            { status: suggestion.status },
          );
        }
        const { personId, divisionId } = record;
        return [
          {
            type: 'SuggestionAcknowledged',
            data: {
              personId,
              divisionId,
              suggestionId,
              reviewId,
              acknowledgedBy,
              acknowledgedAt: command.metadata.now,
            },
          },
        ];
      }
    }
  },

  evolve(state, event): CoachingRecordState {
    const { personId, divisionId } = event.data;
    const record: CoachingRecord =
      state.status === 'kept'
        ? state
        : { status: 'kept', personId, divisionId, losses: [], sourceEventIds: [], suggestions: [] };
    switch (event.type) {
      case 'LossNoted': {
        const { opportunityId, reason, lostAt, sourceEventId } = event.data;
        const others = record.losses.filter((loss) => loss.opportunityId !== opportunityId);
        const earlier = record.losses.find((loss) => loss.opportunityId === opportunityId);
        const lostOn = lostAt.slice(0, 10);
        const latest = earlier !== undefined && earlier.lostOn > lostOn ? earlier : { opportunityId, reason, lostOn };
        return {
          ...record,
          losses: [...others, latest],
          sourceEventIds: [...record.sourceEventIds, sourceEventId],
        };
      }
      case 'CoachingSuggested': {
        const { suggestionId, reason, opportunityIds, period } = event.data;
        return {
          ...record,
          suggestions: [...record.suggestions, { suggestionId, reason, opportunityIds, period, status: 'open' }],
        };
      }
      case 'SuggestionAcknowledged':
        return {
          ...record,
          suggestions: record.suggestions.map((suggestion) =>
            suggestion.suggestionId === event.data.suggestionId
              ? { ...suggestion, status: 'acknowledged', reviewId: event.data.reviewId }
              : suggestion,
          ),
        };
    }
  },
};
