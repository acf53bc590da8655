import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@salesos/event-store';
import { ServiceViews, type StreamView } from '../../core/views-feeder';
import { DivisionRules } from '../application/division-rules.port';
import type { AssignmentRulesSet } from '../domain/assignment-rule-set.decider';
import type { AssignmentRule } from '../domain/assignment-rules';

/** The current rules of each division, fed from their streams. */
@Injectable()
export class AssignmentRuleBook extends DivisionRules implements StreamView {
  readonly categories = ['assignmentrules'];
  private readonly rules = new Map<string, AssignmentRule[]>();

  constructor(views: ServiceViews) {
    super();
    views.register(this);
  }

  apply(event: RecordedEvent): void {
    if (event.type !== 'AssignmentRulesSet') return;
    const { divisionId, rules } = (event as unknown as AssignmentRulesSet).data;
    this.rules.set(divisionId, rules);
  }

  rulesOf(divisionId: string): Promise<AssignmentRule[]> {
    return Promise.resolve(this.rules.get(divisionId) ?? []);
  }
}
