import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { AssignmentRule } from './assignment-rules';
import {
  AssignmentRuleError,
  AssignmentRuleErrorCode,
  assignmentRuleSetDecider,
  type SetAssignmentRules,
} from './assignment-rule-set.decider';

const now = '2026-02-01T00:00:00.000Z';
const set = (rules: AssignmentRule[]): SetAssignmentRules => ({
  type: 'SetAssignmentRules',
  data: { divisionId: 'north', rules },
  metadata: { commandId: 'c', now },
});
const rules: AssignmentRule[] = [
  { kind: 'territory-segment', ruleId: 'berlin', territory: 'berlin', repId: 'rep-b' },
  { kind: 'round-robin', ruleId: 'inside-sales', teamId: 'team-1', repIds: ['rep-1', 'rep-2'] },
];
const spec = DeciderSpecification.for(assignmentRuleSetDecider);

describe('assignment rule set decider', () => {
  it('sets the rules in their order, and does nothing for the same rules', () => {
    spec
      .given([])
      .when(set(rules))
      .then([{ type: 'AssignmentRulesSet', data: { divisionId: 'north', rules, setAt: now } }]);
    spec
      .given([{ type: 'AssignmentRulesSet', data: { divisionId: 'north', rules, setAt: now } }])
      .when(set(rules))
      .thenNothingHappens();
  });

  it('refuses a rule id used twice and a team without reps', () => {
    spec
      .given([])
      .when(set([...rules, { kind: 'territory-segment', ruleId: 'berlin', repId: 'rep-x' }]))
      .thenThrows(AssignmentRuleError, { code: AssignmentRuleErrorCode.DuplicateRuleId });
    spec
      .given([])
      .when(set([{ kind: 'least-loaded', ruleId: 'empty', teamId: 't', repIds: [] }]))
      .thenThrows(AssignmentRuleError, { code: AssignmentRuleErrorCode.EmptyTeam });
  });
});
