import type { DataSource } from 'typeorm';
import type { RowScope } from '@salesos/http';
import type { ReportFilter } from './report-filter';

export type SqlEngine = 'postgres' | 'sqlite';

export function sqlEngine(dataSource: DataSource): SqlEngine {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * One report statement being written: collects its parameters and spells the few things the two engines say
 * differently (placeholders, JSON lists, day arithmetic). Everything else is SQL both take as written.
 */
export class ReportSql {
  readonly params: unknown[] = [];

  constructor(readonly engine: SqlEngine) {}

  /** Runs `text` with the parameters collected for it. */
  run(dataSource: DataSource, text: string): Promise<SqlRow[]> {
    return dataSource.query<SqlRow[]>(text, this.params);
  }

  /** A placeholder for `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return this.engine === 'postgres' ? `$${this.params.length}` : '?';
  }

  /** Days from one ISO-8601 text column to another, as a fraction. */
  daysBetween(from: string, to: string): string {
    return this.engine === 'postgres'
      ? `(EXTRACT(EPOCH FROM (CAST(${to} AS timestamptz) - CAST(${from} AS timestamptz))) / 86400.0)`
      : `(julianday(${to}) - julianday(${from}))`;
  }

  /** A table of the elements of a JSON list held as text, each as column `value`, for a `JOIN`. */
  listElements(column: string, alias: string): string {
    return this.engine === 'postgres'
      ? `LATERAL json_array_elements_text(CAST(${column} AS json)) AS ${alias}(value)`
      : `json_each(${column}) AS ${alias}`;
  }

  /** Whether a JSON list of strings held as text contains `value`. */
  listContains(column: string, value: string): string {
    return `EXISTS (SELECT 1 FROM ${this.listElements(column, 'element')} WHERE element.value = ${this.param(value)})`;
  }

  /** Whether a JSON list of objects held as text has one whose `field` is `value`. */
  listHasEntry(column: string, field: string, value: string): string {
    const entries =
      this.engine === 'postgres'
        ? `json_array_elements(CAST(${column} AS json)) AS entry(value) WHERE entry.value ->> '${field}'`
        : `json_each(${column}) AS entry WHERE json_extract(entry.value, '$.${field}')`;
    return `EXISTS (SELECT 1 FROM ${entries} = ${this.param(value)})`;
  }

  /** Orders text by code point on both engines, so ties break the same way everywhere. */
  binary(column: string): string {
    return this.engine === 'postgres' ? `${column} COLLATE "C"` : column;
  }

  /** The rows the caller reaches in the division, on a table with owner, team and (unless `dealerColumn` is null) dealer. */
  rowsReached(scope: RowScope, alias: string, dealerColumn: string | null = 'dealer_id'): string {
    switch (scope.kind) {
      case 'division':
        return '1 = 1';
      case 'team': {
        // Placeholders are taken in the order they appear: SQLite's are positional.
        if (scope.teamIds.length === 0) return `${alias}.owner_rep_id = ${this.param(scope.ownerRepId)}`;
        const teams = scope.teamIds.map((team) => this.param(team)).join(', ');
        return `(${alias}.team_id IN (${teams}) OR ${alias}.owner_rep_id = ${this.param(scope.ownerRepId)})`;
      }
      case 'own':
        return `${alias}.owner_rep_id = ${this.param(scope.ownerRepId)}`;
      case 'dealer':
        return dealerColumn === null ? '1 = 0' : `${alias}.${dealerColumn} = ${this.param(scope.dealerId)}`;
    }
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

export type SqlRow = Record<string, unknown>;

/** Text columns as strings; the engines hand them over as strings already. */
export const toText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Numbers come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
