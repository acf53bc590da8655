import { Type } from '@sinclair/typebox';
import { type Command, type Decider, defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant } from '@salesos/kernel';
import { AssignmentRule } from './assignment-rules';

/** The rule set's one event, defined once and checked on the way into the store and out of it. */
export const assignmentRuleSetEvents = defineEvents({
  AssignmentRulesSet: Type.Object({
    divisionId: Id,
    rules: Type.Array(AssignmentRule, { maxItems: 100 }),
    setAt: Instant,
  }),
});
export type AssignmentRulesSet = EventOf<typeof assignmentRuleSetEvents>;
export type SetAssignmentRules = Command<'SetAssignmentRules', { divisionId: string; rules: AssignmentRule[] }>;
export type AssignmentRuleSetState = { rules: AssignmentRule[] };

export enum AssignmentRuleErrorCode {
  DuplicateRuleId = 'ASSIGNMENT_DUPLICATE_RULE_ID',
  EmptyTeam = 'ASSIGNMENT_EMPTY_TEAM',
}

export class AssignmentRuleError extends Error {
  constructor(
    readonly code: AssignmentRuleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AssignmentRuleError';
  }
}

/** A division's assignment rules, replaced as a whole so their order (their priority) is explicit. */
export const assignmentRuleSetDecider: Decider<AssignmentRuleSetState, SetAssignmentRules, AssignmentRulesSet> = {
  events: assignmentRuleSetEvents,
  initialState: () => ({ rules: [] }),
  decide(command, state) {
    const { rules, divisionId } = command.data;
    const ids = rules.map((rule) => rule.ruleId);
    const repeated = ids.find((ruleId, index) => ids.indexOf(ruleId) !== index);
    if (repeated !== undefined) {
      throw new AssignmentRuleError(AssignmentRuleErrorCode.DuplicateRuleId, `Rule id '${repeated}' is used twice`);
    }
    const emptyTeam = rules.find((rule) => rule.kind !== 'territory-segment' && rule.repIds.length === 0);
    if (emptyTeam !== undefined) {
      throw new AssignmentRuleError(
        AssignmentRuleErrorCode.EmptyTeam,
        `Rule '${emptyTeam.ruleId}' has no reps to choose from`,
      );
    }
    if (JSON.stringify(rules) === JSON.stringify(state.rules)) return [];
    return [{ type: 'AssignmentRulesSet', data: { divisionId, rules, setAt: command.metadata.now } }];
  },
  evolve: (_state, event) => ({ rules: event.data.rules }),
};
