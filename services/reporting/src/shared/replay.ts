import type { IntegrationEvent } from '@salesos/contracts';
import type { DataSource } from 'typeorm';
import type { Projection } from './projection';
import { combinedHandlers } from './projections-consumer';

/** Applies events to the projections in order, one transaction per batch: the recomputation every test compares to. */
export async function replay(
  dataSource: DataSource,
  projections: readonly Projection[],
  events: readonly IntegrationEvent[],
  batchSize = 500,
): Promise<void> {
  const handlers = combinedHandlers(projections);
  for (let start = 0; start < events.length; start += batchSize) {
    await dataSource.transaction(async (tx) => {
      for (const event of events.slice(start, start + batchSize)) {
        await handlers.get(event.type)?.(event, tx, {
          topic: 'replay',
          partition: 0,
          offset: String(start),
          attempt: 1,
        });
      }
    });
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
