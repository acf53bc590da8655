import { type Static, Type } from '@sinclair/typebox';
import { Territory } from '@salesos/contracts';
import { Id } from '@salesos/kernel';
import type { AssignmentRuleFired } from '../../core/domain/assignment-rule-fired';

export type { AssignmentRuleFired };

const TeamReps = Type.Array(Id, { minItems: 1, maxItems: 500 });

/** A division's rules, tried in order; the first that applies picks the rep. */
export const AssignmentRule = Type.Union([
  Type.Object({
    kind: Type.Literal('territory-segment'),
    ruleId: Id,
    territory: Type.Optional(Territory),
    segmentId: Type.Optional(Id),
    repId: Id,
  }),
  Type.Object({ kind: Type.Literal('round-robin'), ruleId: Id, teamId: Id, repIds: TeamReps }),
  Type.Object({ kind: Type.Literal('least-loaded'), ruleId: Id, teamId: Id, repIds: TeamReps }),
]);
export type AssignmentRule = Static<typeof AssignmentRule>;

export interface AssignmentContext {
  territory?: string;
  segmentIds: readonly string[];
  /** Open leads each rep owns now. */
  openLeadsByRep: Readonly<Record<string, number>>;
  /** How many leads each round-robin rule has handed out so far. */
  roundRobinTurns: Readonly<Record<string, number>>;
}

export interface AssignmentDecision {
  repId: string;
  rule: AssignmentRuleFired;
}

export function chooseAssignee(
  rules: readonly AssignmentRule[],
  context: AssignmentContext,
): AssignmentDecision | undefined {
  for (const rule of rules) {
    switch (rule.kind) {
      case 'territory-segment': {
        const territoryFits = rule.territory === undefined || rule.territory === context.territory;
        const segmentFits = rule.segmentId === undefined || context.segmentIds.includes(rule.segmentId);
        if (territoryFits && segmentFits) {
          const scope = [rule.territory && `territory ${rule.territory}`, rule.segmentId && `segment ${rule.segmentId}`]
            .filter(Boolean)
            .join(', ');
          return { repId: rule.repId, rule: { kind: rule.kind, ruleId: rule.ruleId, detail: scope || 'any lead' } };
        }
        break;
      }
      case 'round-robin': {
        if (rule.repIds.length === 0) break;
        const turn = context.roundRobinTurns[rule.ruleId] ?? 0;
        return {
          repId: rule.repIds[turn % rule.repIds.length] as string,
          rule: {
            kind: rule.kind,
            ruleId: rule.ruleId,
            teamId: rule.teamId,
            detail: `round robin in team ${rule.teamId}, turn ${turn + 1}`,
          },
        };
      }
      case 'least-loaded': {
        if (rule.repIds.length === 0) break;
        const load = (repId: string): number => context.openLeadsByRep[repId] ?? 0;
        // Ties go to the rep listed first, so the choice is deterministic.
        const repId = rule.repIds.reduce((best, candidate) => (load(candidate) < load(best) ? candidate : best));
        return {
          repId,
          rule: {
            kind: rule.kind,
            ruleId: rule.ruleId,
            teamId: rule.teamId,
            detail: `least loaded in team ${rule.teamId} (${load(repId)} open leads)`,
          },
        };
      }
    }
  }
  return undefined;
}
