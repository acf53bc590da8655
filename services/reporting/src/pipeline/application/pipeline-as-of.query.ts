import type { DataSource } from 'typeorm';
import type { ReportFilter } from '../../core/report-filter';
import { ReportSql, sqlEngine } from '../../core/report-sql';
import type { StageTotals } from '../domain/pipeline-metrics';
import { toStageTotals } from './stage-totals.row';

/**
 * `known`: what was true at the instant, as the system knows it now (business time, later corrections included).
 * `believed`: what the system held true at the instant (only what had been recorded by then).
 */
export type AsOfBasis = 'known' | 'believed';

/** Length of the `effective_at || recorded_at` prefix that orders history entries (two UTC ISO-8601 instants). */
const orderPrefix = 48;

/**
 * The open deals at an instant by stage, with the stage and forecast each had then. A deal's state at the instant is,
 * field by field, the value of its latest history entry (in business time, then recording time) up to the instant
 * that set the field; with `believed`, entries recorded after the instant are left out. The latest entry per field is
 * found in one grouped pass: each value is prefixed with the entry's two instants, the greatest string wins, and the
 * prefix is cut off again. Deals opened after the instant, and deals never reopened whose close came (and, when
 * believed, was recorded) before it, cannot have been open then, so their history is not read.
 */
export async function stageTotalsAsOf(
  dataSource: DataSource,
  filter: ReportFilter,
  instant: string,
  basis: AsOfBasis,
): Promise<StageTotals[]> {
  const sql = new ReportSql(sqlEngine(dataSource));
  const latest = (column: string, when = `h.${column} IS NOT NULL`, value = `h.${column}`) =>
    `MAX(CASE WHEN ${when} THEN h.effective_at || h.recorded_at || ${value} END) AS ${column}`;
  const value = (column: string) => `substr(${column}, ${orderPrefix + 1})`;
  const number = (column: string) => `CAST(${value(column)} AS double precision)`;
  const believed = basis === 'believed';
  const rows = await sql.run(
    dataSource,
    `SELECT pipeline_id, stage_id, currency, MAX(probability) AS probability, COUNT(*) AS deals,
            SUM(amount) AS value, SUM(amount * probability) AS weighted_value
     FROM (
       SELECT pipeline_id, status, kind,
              COALESCE(${value('stage_id')}, current_stage_id) AS stage_id,
              COALESCE(${number('probability')}, current_probability) AS probability,
              COALESCE(${number('amount')}, current_amount) AS amount,
              COALESCE(${value('currency')}, current_currency) AS currency
       FROM (
         SELECT o.opportunity_id, o.pipeline_id, o.status, o.stage_id AS current_stage_id,
                o.probability AS current_probability, o.amount AS current_amount, o.currency AS current_currency,
                ${latest('kind', "h.kind IN ('opened', 'reopened', 'won', 'lost')")},
                ${latest('stage_id')},
                ${latest('probability', undefined, 'CAST(h.probability AS text)')},
                ${latest('amount', undefined, 'CAST(h.amount AS text)')},
                ${latest('currency')}
         FROM rpt_opportunity o
         JOIN rpt_opportunity_history h ON h.opportunity_id = o.opportunity_id
         WHERE ${sql.opportunityScope(filter)}
           AND o.opened_at <= ${sql.param(instant)}
           AND NOT (o.status <> 'open' AND o.reopen_count = 0
                    AND ${believed ? 'o.closed_settled_at' : 'o.closed_at'} <= ${sql.param(instant)})
           AND h.effective_at <= ${sql.param(instant)}
           ${believed ? `AND h.recorded_at <= ${sql.param(instant)}` : ''}
         GROUP BY o.opportunity_id, o.pipeline_id, o.status, o.stage_id, o.probability, o.amount, o.currency
       ) AS latest
     ) AS deal_then
     WHERE ${value('kind')} IN ('opened', 'reopened') OR (kind IS NULL AND status = 'open')
     GROUP BY pipeline_id, stage_id, currency`,
  );
  return rows.map(toStageTotals);
}
