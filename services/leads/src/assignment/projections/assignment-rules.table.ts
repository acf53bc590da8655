import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, Sql, type StoreProjection } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { DivisionRules } from '../application/division-rules.port';
import {
  type AssignmentRulesSet,
  assignmentRuleSetDecider,
  assignmentRuleSetEvents,
  type AssignmentRuleSetState,
} from '../domain/assignment-rule-set.decider';
import type { AssignmentRule } from '../domain/assignment-rules';

/** Each division's current rules, folded with the rule set decider's own `evolve`. */
@Injectable()
export class AssignmentRulesTable extends DivisionRules {
  readonly projection: StoreProjection = aggregateTable<AssignmentRuleSetState, AssignmentRulesSet>({
    name: 'assignment-rules',
    category: 'assignmentrules',
    table: 'leads_assignment_rules',
    idColumn: 'division_id',
    codec: assignmentRuleSetEvents,
    evolve: (state, event) => assignmentRuleSetDecider.evolve(state, event),
    initialState: () => assignmentRuleSetDecider.initialState(),
    columns: () => ({}),
  });

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async rulesOf(divisionId: string): Promise<AssignmentRule[]> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state FROM leads_assignment_rules WHERE division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? [] : (JSON.parse(String(row.state)) as AssignmentRuleSetState).rules;
  }
}
