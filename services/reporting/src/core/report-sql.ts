import { Sql, type SqlRow } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import type { ReportFilter } from './report-filter';

export { sqlEngine, type SqlEngine, type SqlRow, toNumber, toText } from '@salesos/projections';

/**
 * One report statement being written: the shared statement builder, and the few things reports need that the two
 * engines spell differently (day arithmetic, the median).
 */
export class ReportSql extends Sql {
  /** Runs `text` with the parameters collected for it. */
  override run(dataSource: DataSource, text: string): Promise<SqlRow[]> {
    return dataSource.query<SqlRow[]>(text, this.params);
  }

  /** Days from one ISO-8601 text column to another, as a fraction. */
  daysBetween(from: string, to: string): string {
    return this.engine === 'postgres'
      ? `(EXTRACT(EPOCH FROM (CAST(${to} AS timestamptz) - CAST(${from} AS timestamptz))) / 86400.0)`
      : `(julianday(${to}) - julianday(${from}))`;
  }

  /** Conditions on an opportunity row (alias `o`): the division, the rows reached, the plain filters; not the period. */
  opportunityScope(filter: ReportFilter, alias = 'o'): string {
    const conditions = [
      `${alias}.division_id = ${this.param(filter.divisionId)}`,
      this.rowsReached(filter.scope, alias),
    ];
    if (filter.pipelineId !== undefined) conditions.push(`${alias}.pipeline_id = ${this.param(filter.pipelineId)}`);
    if (filter.ownerRepId !== undefined) conditions.push(`${alias}.owner_rep_id = ${this.param(filter.ownerRepId)}`);
    if (filter.teamId !== undefined) conditions.push(`${alias}.team_id = ${this.param(filter.teamId)}`);
    if (filter.channel !== undefined) conditions.push(`${alias}.channel = ${this.param(filter.channel)}`);
    if (filter.dealerId !== undefined) conditions.push(`${alias}.dealer_id = ${this.param(filter.dealerId)}`);
    if (filter.source !== undefined) conditions.push(`${alias}.source = ${this.param(filter.source)}`);
    if (filter.segmentId !== undefined) conditions.push(this.listContains(`${alias}.segment_ids`, filter.segmentId));
    if (filter.productId !== undefined) {
      conditions.push(this.listHasEntry(`${alias}.products`, 'productId', filter.productId));
    }
    return conditions.join(' AND ');
  }

  /** Whether an instant column falls in the filter's period; `TRUE` without one. */
  inPeriod(filter: Pick<ReportFilter, 'from' | 'to'>, column: string): string {
    const conditions: string[] = [];
    if (filter.from !== undefined) conditions.push(`${column} >= ${this.param(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`${column} < ${this.param(filter.to)}`);
    return conditions.length === 0 ? '1 = 1' : conditions.join(' AND ');
  }

  /**
   * The median of `value` over a group (the middle value, or the mean of the two middle ones): PostgreSQL's
   * continuous percentile, and on SQLite the `median` aggregate the reporting database registers.
   */
  median(value: string): string {
    return this.engine === 'postgres' ? `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value})` : `median(${value})`;
  }
}

/** A list column: the read models keep lists (a lead's segments) as JSON text on both engines. */
export const parseJsonList = (text: string): string[] => JSON.parse(text) as string[];
