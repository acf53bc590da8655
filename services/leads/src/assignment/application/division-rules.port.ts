import type { AssignmentRule } from '../domain/assignment-rules';

/** Each division's assignment rules in priority order, as the service's view of them answers. */
export abstract class DivisionRules {
  abstract rulesOf(divisionId: string): Promise<AssignmentRule[]>;
}
