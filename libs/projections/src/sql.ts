import type { RowScope } from '@salesos/http';
import type { DataSource, EntityManager } from 'typeorm';

export type SqlEngine = 'postgres' | 'sqlite';

export function sqlEngine(dataSource: DataSource | EntityManager): SqlEngine {
  const options = 'options' in dataSource ? dataSource.options : dataSource.connection.options;
  return options.type === 'postgres' ? 'postgres' : 'sqlite';
}

export type SqlRow = Record<string, unknown>;

/**
 * One statement being written: collects its parameters and spells the few things PostgreSQL and SQLite say
 * differently (placeholders, JSON lists, collation). Everything else is SQL both take as written.
 */
export class Sql {
  readonly params: unknown[] = [];

  constructor(readonly engine: SqlEngine) {}

  static for(dataSource: DataSource | EntityManager): Sql {
    return new Sql(sqlEngine(dataSource));
  }

  /** Runs `text` with the parameters collected for it. */
  run(runner: DataSource | EntityManager, text: string): Promise<SqlRow[]> {
    return runner.query<SqlRow[]>(text, this.params);
  }

  /** A placeholder for `value`; placeholders are taken in the order they appear (SQLite's are positional). */
  param(value: unknown): string {
    this.params.push(value);
    return this.engine === 'postgres' ? `$${this.params.length}` : '?';
  }

  /** Placeholders for a list of values, for `IN (...)`. */
  list(values: readonly unknown[]): string {
    return values.map((value) => this.param(value)).join(', ');
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
        if (scope.teamIds.length === 0) return `${alias}.owner_rep_id = ${this.param(scope.ownerRepId)}`;
        const teams = this.list(scope.teamIds);
        return `(${alias}.team_id IN (${teams}) OR ${alias}.owner_rep_id = ${this.param(scope.ownerRepId)})`;
      }
      case 'own':
        return `${alias}.owner_rep_id = ${this.param(scope.ownerRepId)}`;
      case 'dealer':
        return dealerColumn === null ? '1 = 0' : `${alias}.${dealerColumn} = ${this.param(scope.dealerId)}`;
    }
  }
}

/** Text columns as strings; the engines hand them over as strings already. */
export const toText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Numbers come back as strings from PostgreSQL (bigint, numeric) and as numbers from SQLite. */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
