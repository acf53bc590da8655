import type { IntegrationEvent } from '@salesos/contracts';
import type { DataSource } from 'typeorm';
import type { Projection } from './projection';
import { applyBatch } from './reporting-projections';
import { liveTables, type ReadModelTables } from './read-model-tables';

/** Applies events to the projections' tables in order, one transaction per batch. */
export async function replay(
  dataSource: DataSource,
  events: readonly IntegrationEvent[],
  tables: ReadModelTables = liveTables,
  batchSize = 1000,
): Promise<void> {
  for (let start = 0; start < events.length; start += batchSize) {
    await dataSource.transaction((tx) => applyBatch(tx, tables, events.slice(start, start + batchSize)));
  }
}

/** Every row of the projections' tables, in a stable order. */
export async function dumpTables(dataSource: DataSource, projections: readonly Projection[]) {
  const dump: Record<string, unknown[]> = {};
  for (const table of projections.flatMap((projection) => projection.tables)) {
    const rows = await dataSource.query<Array<Record<string, unknown>>>(`SELECT * FROM ${table}`);
    dump[table] = rows
      .map((row) => Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return dump;
}
