import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { type DivisionSalesProcess, PipelineCatalog } from '../application/pipeline-catalog';
import {
  defaultSalesProcess,
  type SalesProcess,
  salesProcessDecider,
  type SalesProcessEvent,
  salesProcessEvents,
} from '../domain/sales-process.decider';

/** How long a read is reused: a sales process changes seldom, and every opportunity command asks for its division's. */
const reuseMs = 1_000;

/** Each division's sales process, folded with its decider's own `evolve`, read through a short-lived cache. */
@Injectable()
export class SalesProcessTable extends PipelineCatalog {
  readonly projection: StoreProjection = aggregateTable<SalesProcess, SalesProcessEvent>({
    name: 'sales-process',
    category: 'salesprocess',
    table: 'leads_sales_process',
    idColumn: 'division_id',
    codec: salesProcessEvents,
    evolve: (state, event) => salesProcessDecider.evolve(state, event),
    initialState: () => salesProcessDecider.initialState(),
    columns: () => ({}),
    afterPage: () => {
      this.cache.clear();
      return Promise.resolve();
    },
  });
  private readonly cache = new Map<string, { process: DivisionSalesProcess; at: number }>();

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async salesProcessOf(divisionId: string): Promise<DivisionSalesProcess> {
    const cached = this.cache.get(divisionId);
    if (cached !== undefined && Date.now() - cached.at < reuseMs) return cached.process;
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM leads_sales_process WHERE division_id = ${sql.param(divisionId)}`,
    );
    const process: DivisionSalesProcess =
      row === undefined
        ? { ...defaultSalesProcess, version: 0 }
        : { ...(JSON.parse(String(row.state)) as SalesProcess), version: toNumber(row.version) };
    this.cache.set(divisionId, { process, at: Date.now() });
    return process;
  }
}
