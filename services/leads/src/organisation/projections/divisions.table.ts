import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, Sql, type StoreProjection } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { Organisation } from '../application/organisation.port';
import { type Division, divisionDecider, type DivisionState } from '../domain/division.decider';
import { type DivisionEvent, divisionEvents } from '../domain/division.events';

/** A stored division; rows folded before the dealers came from the channels service still list the admin's dealers. */
function divisionOf(state: unknown): Division {
  const { dealerIds: _retired, ...division } = JSON.parse(String(state)) as Division & { dealerIds?: string[] };
  return division;
}

/** How long a division read is reused: divisions change seldom, and every request in a division asks for its own. */
const reuseMs = 1_000;

/** The divisions, folded with the division decider's own `evolve`, read through a short-lived cache. */
@Injectable()
export class DivisionsTable extends Organisation {
  readonly projection: StoreProjection = aggregateTable<DivisionState, DivisionEvent>({
    name: 'divisions',
    category: 'division',
    table: 'leads_division',
    idColumn: 'division_id',
    codec: divisionEvents,
    evolve: (state, event) => divisionDecider.evolve(state, event),
    initialState: () => divisionDecider.initialState(),
    columns: () => ({}),
    afterPage: () => {
      this.cache.clear();
      return Promise.resolve();
    },
  });
  private readonly cache = new Map<string, { division: Division | undefined; at: number }>();

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async division(divisionId: string): Promise<Division | undefined> {
    const cached = this.cache.get(divisionId);
    if (cached !== undefined && Date.now() - cached.at < reuseMs) return cached.division;
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state FROM leads_division WHERE division_id = ${sql.param(divisionId)}`,
    );
    const division = row === undefined ? undefined : divisionOf(row.state);
    this.cache.set(divisionId, { division, at: Date.now() });
    return division;
  }

  async divisions(): Promise<Division[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(this.db, `SELECT state FROM leads_division ORDER BY ${sql.binary('division_id')}`);
    return rows.map((row) => divisionOf(row.state));
  }
}
