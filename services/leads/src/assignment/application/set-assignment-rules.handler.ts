import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { AssignmentRule } from '../domain/assignment-rules';
import { AssignmentRuleStreams } from './assignment-rule-streams';

/** Replaces the caller's division's assignment rules; their order is their priority. */
@Injectable()
export class SetAssignmentRulesHandler {
  constructor(@Inject(AssignmentRuleStreams) private readonly rules: AssignmentRuleStreams) {}

  execute(rules: AssignmentRule[], caller: RequestContext, expectedVersion?: number) {
    return this.rules.run(caller.divisionId, caller, expectedVersion, {
      type: 'SetAssignmentRules',
      data: { divisionId: caller.divisionId, rules },
    });
  }
}
