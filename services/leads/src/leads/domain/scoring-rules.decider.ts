import { Type } from '@sinclair/typebox';
import { type Command, type Decider, defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant } from '@salesos/kernel';
import { defaultScoringRules, ScoringRules } from './lead-scoring';

/** The scoring rules' one event, defined once and checked on the way into the store and out of it. */
export const scoringRulesEvents = defineEvents({
  ScoringRulesSet: Type.Object({ divisionId: Id, rules: ScoringRules, setAt: Instant }),
});
export type ScoringRulesSet = EventOf<typeof scoringRulesEvents>;
export type SetScoringRules = Command<'SetScoringRules', { divisionId: string; rules: ScoringRules }>;
export type ScoringRulesState = { rules: ScoringRules };

export enum ScoringRulesErrorCode {
  DuplicateSource = 'SCORING_DUPLICATE_SOURCE',
  DuplicateTier = 'SCORING_DUPLICATE_VALUE_TIER',
}

export class ScoringRulesError extends Error {
  constructor(
    readonly code: ScoringRulesErrorCode,
    message: string,
    /** The request field at fault. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'ScoringRulesError';
  }
}

function repeatedAt(values: readonly (string | number)[]): number {
  return values.findIndex((value, index) => values.indexOf(value) !== index);
}

/**
 * A division's lead scoring rules, replaced as a whole: every division scores by the defaults until it sets its own.
 * A source is listed once (regardless of case) and a value tier once, so that no lead could be scored two ways.
 */
export const scoringRulesDecider: Decider<ScoringRulesState, SetScoringRules, ScoringRulesSet> = {
  events: scoringRulesEvents,
  initialState: () => ({ rules: defaultScoringRules }),
  decide(command, state) {
    const { divisionId, rules } = command.data;
    const source = repeatedAt(rules.sources.map((rule) => rule.source.toLowerCase()));
    if (source !== -1) {
      throw new ScoringRulesError(
        ScoringRulesErrorCode.DuplicateSource,
        `lists source '${rules.sources[source]?.source}' a second time`,
        `sources[${source}].source`,
      );
    }
    const tier = repeatedAt(rules.estimatedValue.map((rule) => rule.atLeast));
    if (tier !== -1) {
      throw new ScoringRulesError(
        ScoringRulesErrorCode.DuplicateTier,
        `lists the tier from ${rules.estimatedValue[tier]?.atLeast} a second time`,
        `estimatedValue[${tier}].atLeast`,
      );
    }
    if (JSON.stringify(rules) === JSON.stringify(state.rules)) return [];
    return [{ type: 'ScoringRulesSet', data: { divisionId, rules, setAt: command.metadata.now } }];
  },
  evolve: (_state, event) => ({ rules: event.data.rules }),
};
