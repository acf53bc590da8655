import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { type EventStore, streamCategory } from '@salesos/event-store';
import { type ClientBase, Pool, types } from 'pg';
import { withSearchPath } from './bench-database';
import type { BenchEvent, PlannedAppend } from './events';

export type AppendFn = (plan: PlannedAppend) => Promise<void>;

export interface Contender {
  append: AppendFn;
  close(): Promise<void>;
}

/** Any adapter of the project's port: the PostgreSQL one and the SQLite one alike. */
export function portAppend(store: EventStore): AppendFn {
  return async ({ streamId, events, expectedVersion }) => {
    await store.append(streamId, events, expectedVersion === 0 ? 'no_stream' : expectedVersion);
  };
}

/** The physical limit: a table shaped exactly like `event_store.events`, nothing else touched. */
export async function createCeilingTable(client: ClientBase): Promise<void> {
  await client.query('CREATE SCHEMA bench_ceiling');
  await client.query('CREATE TABLE bench_ceiling.events (LIKE event_store.events INCLUDING ALL)');
}

const ceilingInsert = `
  INSERT INTO bench_ceiling.events
    (position, stream_id, category, stream_version, event_id, type, schema_version, data, metadata)
  VALUES ((pg_current_xact_id()::text::bigint << 20) + 1, $1, $2, $3, $4, $5, $6, $7, $8)`;

/** One autocommit INSERT per event: a transaction of one row, the same row the adapter would write. */
export function openCeiling(url: string, poolSize: number): Contender {
  const pool = new Pool({ connectionString: url, max: poolSize });
  return {
    append: async ({ streamId, expectedVersion, events }) => {
      const [event, ...rest] = events;
      if (event === undefined || rest.length > 0) throw new Error('The ceiling writes exactly one event per append');
      await pool.query(ceilingInsert, [
        streamId,
        streamCategory(streamId),
        expectedVersion + 1,
        event.eventId,
        event.type,
        event.schemaVersion ?? 1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ]);
    },
    close: () => pool.end(),
  };
}

const pgTypesEmmettOverrides = [20, 114, 3802] as const;
type TextParser = (value: string) => unknown;

/**
 * Emmett's driver layer replaces pg's process-wide parsers for int8, json and jsonb when its pool is made;
 * they are put back on close so the later read-all of the project's adapter parses rows as it does in production.
 */
export async function openEmmett(url: string, poolSize: number): Promise<Contender> {
  const saved = pgTypesEmmettOverrides.map((oid) => [oid, types.getTypeParser(oid) as TextParser] as const);
  const pool = new Pool({ connectionString: withSearchPath(url, 'emmett'), max: poolSize });
  await pool.query('CREATE SCHEMA IF NOT EXISTS emmett');
  const store = getPostgreSQLEventStore(url, {
    connectionOptions: { pool },
    schema: { autoMigration: 'CreateOrUpdate' },
  });
  await store.schema.migrate();
  return {
    append: async ({ streamId, expectedVersion, events }) => {
      await store.appendToStream(streamId, events.map(toEmmettEvent), {
        expectedStreamVersion: BigInt(expectedVersion),
      });
    },
    close: async () => {
      await store.close();
      await pool.end();
      for (const [oid, parser] of saved) types.setTypeParser(oid, parser);
    },
  };
}

/** Emmett stores `metadata.messageId` in its id column and the rest as metadata: the same row contents as ours. */
function toEmmettEvent(event: BenchEvent) {
  return { type: event.type, data: event.data, metadata: { ...event.metadata, messageId: event.eventId } };
}
