import type { RecordedEvent } from '@salesos/event-store';
import type { AssignmentRulesSet } from '../domain/assignment-rule-set.decider';
import type { AssignmentRule } from '../domain/assignment-rules';

/** The current rules of each division, fed from their streams. */
export class AssignmentRuleBook {
  private readonly rules = new Map<string, AssignmentRule[]>();

  apply(event: RecordedEvent): void {
    if (event.type !== 'AssignmentRulesSet') return;
    const { divisionId, rules } = (event as unknown as AssignmentRulesSet).data;
    this.rules.set(divisionId, rules);
  }

  rulesOf(divisionId: string): AssignmentRule[] {
    return this.rules.get(divisionId) ?? [];
  }
}
