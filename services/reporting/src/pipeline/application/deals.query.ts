import type { DataSource } from 'typeorm';
import type { ReportFilter } from '../../core/report-filter';
import { parseJsonList, ReportSql, sqlEngine, type SqlRow, toNumber, toText } from '../../core/report-sql';
import type { OpportunityFacts } from '../domain/opportunity-facts';

export interface DealQuery {
  status?: 'open' | 'won' | 'lost';
  stageId?: string;
  offset: number;
  limit: number;
}

/**
 * The deals behind a figure: the report's filters, narrowed to a status and stage, one page of them by expected close
 * date, and how many there are. With a period, open deals count by when they opened and closed ones by when they
 * closed, as in the reports.
 */
export async function dealsBehindFigure(
  dataSource: DataSource,
  filter: ReportFilter,
  query: DealQuery,
): Promise<{ items: OpportunityFacts[]; total: number }> {
  const where = (sql: ReportSql) => {
    const conditions = [sql.opportunityScope(filter)];
    if (query.status !== undefined) conditions.push(`o.status = ${sql.param(query.status)}`);
    if (query.stageId !== undefined) conditions.push(`o.stage_id = ${sql.param(query.stageId)}`);
    if (filter.from !== undefined || filter.to !== undefined) {
      conditions.push(sql.inPeriod(filter, "CASE WHEN o.status = 'open' THEN o.opened_at ELSE o.closed_at END"));
    }
    return conditions.join(' AND ');
  };
  const engine = sqlEngine(dataSource);
  const page = new ReportSql(engine);
  const rows = await page.run(
    dataSource,
    `SELECT * FROM rpt_opportunity o WHERE ${where(page)}
     ORDER BY o.expected_close_date, ${page.binary('o.opportunity_id')}
     LIMIT ${page.param(query.limit)} OFFSET ${page.param(query.offset)}`,
  );
  const count = new ReportSql(engine);
  const [counted] = await count.run(
    dataSource,
    `SELECT COUNT(*) AS deals FROM rpt_opportunity o WHERE ${where(count)}`,
  );
  return { items: rows.map(toFacts), total: toNumber(counted?.deals) };
}

function toFacts(row: SqlRow): OpportunityFacts {
  const optional = (key: string, column: string) =>
    row[column] === null || row[column] === undefined ? {} : { [key]: toText(row[column]) };
  return {
    opportunityId: toText(row.opportunity_id),
    divisionId: toText(row.division_id),
    ...optional('leadId', 'lead_id'),
    accountName: toText(row.account_name),
    ...optional('ownerRepId', 'owner_rep_id'),
    pipelineId: toText(row.pipeline_id),
    stageId: toText(row.stage_id),
    probability: toNumber(row.probability),
    amount: toNumber(row.amount),
    currency: toText(row.currency),
    expectedCloseDate: toText(row.expected_close_date),
    channel: toText(row.channel),
    ...optional('dealerId', 'dealer_id'),
    products: JSON.parse(toText(row.products)) as OpportunityFacts['products'],
    status: row.status as OpportunityFacts['status'],
    openedAt: toText(row.opened_at),
    ...optional('closedAt', 'closed_at'),
    ...optional('lossReason', 'loss_reason'),
    ...optional('source', 'source'),
    segmentIds: parseJsonList(toText(row.segment_ids)),
  };
}
