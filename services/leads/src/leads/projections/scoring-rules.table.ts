import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { DivisionScoring } from '../application/division-scoring.port';
import { scoringRulesCategory } from '../application/scoring-rule-streams';
import { defaultScoringRules, type ScoringRules } from '../domain/lead-scoring';
import {
  scoringRulesDecider,
  scoringRulesEvents,
  type ScoringRulesSet,
  type ScoringRulesState,
} from '../domain/scoring-rules.decider';

/** How long a read is reused: scoring rules change seldom, and every capture and revision asks for its division's. */
const reuseMs = 1_000;

/** Each division's scoring rules, folded with their decider's own `evolve`, read through a short-lived cache. */
@Injectable()
export class ScoringRulesTable extends DivisionScoring {
  readonly projection: StoreProjection = aggregateTable<ScoringRulesState, ScoringRulesSet>({
    name: 'scoring-rules',
    category: scoringRulesCategory,
    table: 'leads_scoring_rules',
    idColumn: 'division_id',
    codec: scoringRulesEvents,
    evolve: (state, event) => scoringRulesDecider.evolve(state, event),
    initialState: () => scoringRulesDecider.initialState(),
    columns: () => ({}),
    afterPage: () => {
      this.cache.clear();
      return Promise.resolve();
    },
  });
  private readonly cache = new Map<string, { scoring: { rules: ScoringRules; version: number }; at: number }>();

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async scoringOf(divisionId: string): Promise<{ rules: ScoringRules; version: number }> {
    const cached = this.cache.get(divisionId);
    if (cached !== undefined && Date.now() - cached.at < reuseMs) return cached.scoring;
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM leads_scoring_rules WHERE division_id = ${sql.param(divisionId)}`,
    );
    const scoring =
      row === undefined
        ? { rules: defaultScoringRules, version: 0 }
        : { rules: (JSON.parse(String(row.state)) as ScoringRulesState).rules, version: toNumber(row.version) };
    this.cache.set(divisionId, { scoring, at: Date.now() });
    return scoring;
  }
}
