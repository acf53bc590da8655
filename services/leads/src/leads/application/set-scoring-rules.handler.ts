import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ScoringRules } from '../domain/lead-scoring';
import { ScoringRuleStreams } from './scoring-rule-streams';

/**
 * Replaces the caller's division's scoring rules. New and revised leads are scored by them at once; the division's
 * open leads are scored again in the background (the segment rematch policy follows these streams too).
 */
@Injectable()
export class SetScoringRulesHandler {
  constructor(@Inject(ScoringRuleStreams) private readonly scoring: ScoringRuleStreams) {}

  execute(rules: ScoringRules, caller: RequestContext, expectedVersion?: number) {
    return this.scoring.run(caller.divisionId, caller, expectedVersion, {
      type: 'SetScoringRules',
      data: { divisionId: caller.divisionId, rules },
    });
  }
}
