import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DivisionError, DivisionErrorCode, Organisation } from '../../organisation';
import { ActiveSegments } from '../../segments';
import type { AssignmentRule } from '../domain/assignment-rules';
import { AssignmentRuleStreams } from './assignment-rule-streams';

/** Replaces the caller's division's assignment rules; their order is their priority. */
@Injectable()
export class SetAssignmentRulesHandler {
  constructor(
    @Inject(AssignmentRuleStreams) private readonly rules: AssignmentRuleStreams,
    @Inject(Organisation) private readonly organisation: Organisation,
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
  ) {}

  async execute(rules: AssignmentRule[], caller: RequestContext, expectedVersion?: number) {
    await this.requireDivisionReferences(rules, caller.divisionId);
    return this.rules.run(caller.divisionId, caller, expectedVersion, {
      type: 'SetAssignmentRules',
      data: { divisionId: caller.divisionId, rules },
    });
  }

  /** Every rep, team and segment a rule names is the division's own: a lead never goes to someone who cannot see it. */
  private async requireDivisionReferences(rules: readonly AssignmentRule[], divisionId: string): Promise<void> {
    const active = new Set((await this.segments.list(divisionId)).map((segment) => segment.segmentId));
    for (const [index, rule] of rules.entries()) {
      const field = `rules[${index}]`;
      if (rule.kind === 'territory-segment') {
        await this.organisation.requireRep(divisionId, rule.repId, `${field}.repId`);
        if (rule.segmentId !== undefined && !active.has(rule.segmentId)) {
          throw new DivisionError(
            DivisionErrorCode.UnknownReference,
            `is not an active segment of division ${divisionId}`,
            `${field}.segmentId`,
          );
        }
        continue;
      }
      await this.organisation.requireTeam(divisionId, rule.teamId, `${field}.teamId`);
      for (const [position, repId] of rule.repIds.entries()) {
        await this.organisation.requireRep(divisionId, repId, `${field}.repIds[${position}]`);
      }
    }
  }
}
