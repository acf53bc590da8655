import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import { aggregateTable, Sql, type SqlRow, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { normalizeCompanyName } from '../../core/domain/company-name';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import {
  OpportunityBoard,
  type OpportunityFilter,
  type OpportunitySummary,
} from '../application/opportunity-board.port';
import { type Opportunity, opportunityDecider, type OpportunityState } from '../domain/opportunity.decider';
import { type OpportunityEvent, opportunityEvents } from '../domain/opportunity.events';

function summary(row: SqlRow): OpportunitySummary {
  return { ...(JSON.parse(String(row.state)) as Opportunity), version: toNumber(row.version) };
}

/**
 * The pipeline as the service's own view: every opportunity with its stage, forecast and channel, folded with the
 * opportunity decider's own `evolve` so the view and the aggregate cannot disagree; filters, reach and paging in SQL.
 */
@Injectable()
export class OpportunitiesTable extends OpportunityBoard {
  readonly projection: StoreProjection = aggregateTable<OpportunityState, OpportunityEvent>({
    name: 'opportunities',
    category: 'opportunity',
    table: 'leads_opportunity',
    idColumn: 'opportunity_id',
    codec: opportunityEvents,
    evolve: (state, event) => opportunityDecider.evolve(state, event),
    initialState: () => opportunityDecider.initialState(),
    columns: (deal) =>
      deal.status === 'none'
        ? undefined
        : {
            division_id: deal.divisionId,
            status: deal.status,
            account_key: normalizeCompanyName(deal.accountName),
            pipeline_id: deal.pipelineId,
            stage_id: deal.stageId,
            owner_rep_id: deal.ownerRepId ?? null,
            team_id: deal.teamId ?? null,
            channel: deal.channel.kind,
            dealer_id: deal.channel.kind === 'dealer' ? deal.channel.dealerId : null,
            expected_close_date: deal.expectedCloseDate.slice(0, 10),
          },
  });

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async find(filter: OpportunityFilter, offset: number, limit: number): Promise<Page<OpportunitySummary>> {
    const where = (sql: Sql): string => {
      const conditions = [`o.division_id = ${sql.param(filter.divisionId)}`];
      if (filter.scope !== undefined) conditions.push(sql.rowsReached(filter.scope, 'o'));
      const equal: Array<[keyof OpportunityFilter, string]> = [
        ['status', 'status'],
        ['pipelineId', 'pipeline_id'],
        ['stageId', 'stage_id'],
        ['ownerRepId', 'owner_rep_id'],
        ['channel', 'channel'],
        ['dealerId', 'dealer_id'],
      ];
      for (const [field, column] of equal) {
        const value = filter[field];
        if (typeof value === 'string') conditions.push(`o.${column} = ${sql.param(value)}`);
      }
      if (filter.closingFrom !== undefined)
        conditions.push(`o.expected_close_date >= ${sql.param(filter.closingFrom)}`);
      if (filter.closingTo !== undefined) conditions.push(`o.expected_close_date <= ${sql.param(filter.closingTo)}`);
      return conditions.join(' AND ');
    };
    const count = Sql.for(this.db);
    const [total] = await count.run(this.db, `SELECT COUNT(*) AS total FROM leads_opportunity o WHERE ${where(count)}`);
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT o.state, o.version FROM leads_opportunity o WHERE ${where(page)}
       ORDER BY o.expected_close_date, ${page.binary('o.opportunity_id')} LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map(summary), total: toNumber(total?.total) };
  }

  async openOpportunitiesOfCompany(divisionId: string, companyName: string): Promise<string[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT opportunity_id FROM leads_opportunity WHERE division_id = ${sql.param(divisionId)}
         AND account_key = ${sql.param(normalizeCompanyName(companyName))} AND status = 'open'
       ORDER BY ${sql.binary('opportunity_id')}`,
    );
    return rows.map((row) => String(row.opportunity_id));
  }

  async openDealsByStage(divisionId: string, pipelineId: string): Promise<Record<string, number>> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT stage_id, COUNT(*) AS deals FROM leads_opportunity WHERE division_id = ${sql.param(divisionId)}
         AND pipeline_id = ${sql.param(pipelineId)} AND status = 'open'
       GROUP BY stage_id`,
    );
    return Object.fromEntries(rows.map((row) => [String(row.stage_id), toNumber(row.deals)]));
  }
}
