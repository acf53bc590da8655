import { type Static, Type } from '@sinclair/typebox';
import { AssignmentRuleKind } from '@salesos/contracts';
import { Id, text } from '@salesos/kernel';

/** Which assignment rule chose the rep, so the choice can be explained later: the rule feature's, in leads' events. */
export const AssignmentRuleFired = Type.Object({
  kind: AssignmentRuleKind,
  ruleId: Type.Optional(Id),
  /** The team whose reps the rule chose from (round-robin and least-loaded rules). */
  teamId: Type.Optional(Id),
  detail: text(0, 300),
});
export type AssignmentRuleFired = Static<typeof AssignmentRuleFired>;
