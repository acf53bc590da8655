import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

interface TableShape {
  table: string;
  columns: Array<{ property: string; column: string }>;
  key: string;
}

const shapes = new WeakMap<object, TableShape>();

function shapeOf(tx: EntityManager, entity: EntityTarget<ObjectLiteral>): TableShape {
  const known = shapes.get(entity as object);
  if (known !== undefined) return known;
  const metadata = tx.connection.getMetadata(entity);
  const shape: TableShape = {
    table: metadata.tableName,
    columns: metadata.columns.map((column) => ({ property: column.propertyName, column: column.databaseName })),
    key: metadata.primaryColumns.map((column) => column.databaseName).join(', '),
  };
  shapes.set(entity as object, shape);
  return shape;
}

/**
 * Writes rows in one multi-row statement, inserting them or, with `replace`, replacing the rows with the same key.
 * Written by hand rather than through the query builder: projections write thousands of rows per batch, and building
 * such statements was most of a rebuild's own work. The SQL is the same on PostgreSQL and SQLite.
 */
export async function writeRows(
  tx: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: readonly ObjectLiteral[],
  mode: 'insert' | 'replace',
): Promise<void> {
  if (rows.length === 0) return;
  const { table, columns, key } = shapeOf(tx, entity);
  const postgres = tx.connection.options.type === 'postgres';
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const placeholders: string[] = [];
    for (const { property } of columns) {
      params.push(row[property] ?? null);
      placeholders.push(postgres ? `$${params.length}` : '?');
    }
    tuples.push(`(${placeholders.join(', ')})`);
  }
  const names = columns.map(({ column }) => column);
  const onConflict =
    mode === 'replace'
      ? ` ON CONFLICT (${key}) DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}`
      : '';
  await tx.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}${onConflict}`, params);
}
