import type { DataSource } from 'typeorm';
import type { ReportFilter } from '../../core/report-filter';
import { ReportSql, sqlEngine, type SqlEngine, toNumber, toText } from '../../core/report-sql';
import { funnel, type FunnelGroupBy, type FunnelTotals, rankSources } from '../domain/funnel-metrics';

/**
 * Funnel reports over the leads captured in the period, in the caller's division, counted by the database: one row
 * per group and won currency comes back.
 */
export class FunnelReports {
  private readonly engine: SqlEngine;

  constructor(private readonly dataSource: DataSource) {
    this.engine = sqlEngine(dataSource);
  }

  async funnel(filter: ReportFilter, groupBy: FunnelGroupBy) {
    return { groupBy, groups: funnel(await this.totals(filter, groupBy)) };
  }

  async leadSources(filter: ReportFilter) {
    return { sources: rankSources(await this.totals(filter, 'source')) };
  }

  private async totals(filter: ReportFilter, groupBy: FunnelGroupBy): Promise<FunnelTotals[]> {
    const sql = new ReportSql(this.engine);
    // A lead counts once in each of its segments, and under "(none)" without any.
    const group =
      groupBy === 'source' ? 'l.source' : groupBy === 'segment' ? "COALESCE(segment.value, '(none)')" : "'all'";
    const segments =
      groupBy === 'segment'
        ? `LEFT JOIN ${sql.listElements('l.segment_ids', 'segment')} ${this.engine === 'postgres' ? 'ON TRUE' : ''}`
        : '';
    // Leads have no dealer: a dealer's users reach none of them.
    const conditions = [`l.division_id = ${sql.param(filter.divisionId)}`, sql.rowsReached(filter.scope, 'l', null)];
    if (filter.source !== undefined) conditions.push(`l.source = ${sql.param(filter.source)}`);
    if (filter.ownerRepId !== undefined) conditions.push(`l.owner_rep_id = ${sql.param(filter.ownerRepId)}`);
    if (filter.teamId !== undefined) conditions.push(`l.team_id = ${sql.param(filter.teamId)}`);
    if (filter.segmentId !== undefined) conditions.push(sql.listContains('l.segment_ids', filter.segmentId));
    conditions.push(sql.inPeriod(filter, 'l.captured_at'));
    const wonCurrency = "CASE WHEN o.status = 'won' THEN o.currency END";
    const rows = await sql.run(
      this.dataSource,
      `SELECT ${group} AS funnel_group, ${wonCurrency} AS won_currency, COUNT(*) AS captured,
              SUM(CASE WHEN l.qualified_at IS NOT NULL OR l.converted_at IS NOT NULL THEN 1 ELSE 0 END) AS qualified,
              SUM(CASE WHEN l.converted_at IS NOT NULL THEN 1 ELSE 0 END) AS converted,
              SUM(CASE WHEN o.status = 'won' THEN 1 ELSE 0 END) AS won,
              SUM(CASE WHEN o.status = 'won' THEN o.amount ELSE 0 END) AS won_value
       FROM rpt_lead l
       ${segments}
       LEFT JOIN rpt_opportunity o
         ON o.opportunity_id = l.opportunity_id AND o.division_id = l.division_id AND o.status = 'won'
       WHERE ${conditions.join(' AND ')}
       GROUP BY ${groupBy === 'none' ? '' : `${group}, `}${wonCurrency}`,
    );
    return rows.map((row) => ({
      group: toText(row.funnel_group),
      wonCurrency: row.won_currency === null ? undefined : toText(row.won_currency),
      captured: toNumber(row.captured),
      qualified: toNumber(row.qualified),
      converted: toNumber(row.converted),
      won: toNumber(row.won),
      wonValue: toNumber(row.won_value),
    }));
  }
}
