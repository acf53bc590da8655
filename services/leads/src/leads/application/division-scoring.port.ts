import type { ScoringRules } from '../domain/lead-scoring';

/** Each division's lead scoring rules, as the service's view has them, with their version (0: the defaults). */
export abstract class DivisionScoring {
  abstract scoringOf(divisionId: string): Promise<{ rules: ScoringRules; version: number }>;

  async rulesOf(divisionId: string): Promise<ScoringRules> {
    return (await this.scoringOf(divisionId)).rules;
  }
}
