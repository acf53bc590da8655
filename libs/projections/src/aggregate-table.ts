import type { DomainEvent, EventCodec } from '@salesos/event-sourcing';
import type { RecordedEvent } from '@salesos/event-store';
import type { EntityManager } from 'typeorm';
import { Sql } from './sql';
import type { StoreProjection } from './store-projection';

/** One aggregate's state before and after a page of its events. */
export interface StateChange<State, E extends DomainEvent> {
  id: string;
  divisionId: string | undefined;
  before: State;
  after: State;
  events: readonly E[];
  version: number;
}

export interface AggregateTableOptions<State, E extends DomainEvent> {
  name: string;
  /** The stream category: the aggregate's streams are `<category>-<id>`. */
  category: string;
  table: string;
  idColumn: string;
  codec: EventCodec<E>;
  /** The decider's own fold, so that the table and the aggregate cannot disagree. */
  evolve(state: State, event: E): State;
  initialState(): State;
  /** The row's query columns besides id, state and version; undefined while the aggregate does not exist. */
  columns(state: State): Record<string, unknown> | undefined;
  /** Side tables kept in step with the states a page changed (keys, memberships, counters), in the same transaction. */
  afterPage?(changes: ReadonlyArray<StateChange<State, E>>, tx: EntityManager): Promise<void>;
}

const idsPerStatement = 500;

/**
 * A read model whose rows are aggregates' states, folded with the decider's `evolve` from their events and stored as
 * JSON beside the columns queries filter and sort on. A page's rows are read in one statement, folded in memory and
 * written back in one.
 */
export function aggregateTable<State, E extends DomainEvent>(
  options: AggregateTableOptions<State, E>,
): StoreProjection {
  const prefix = `${options.category}-`;
  return {
    name: options.name,
    categories: [options.category],
    async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
      const byStream = new Map<string, RecordedEvent[]>();
      for (const event of events) {
        const list = byStream.get(event.metadata.streamId) ?? [];
        list.push(event);
        byStream.set(event.metadata.streamId, list);
      }
      const ids = [...byStream.keys()].map((streamId) => streamId.slice(prefix.length));
      const stored = await readStates<State>(tx, options.table, options.idColumn, ids);
      const changes: Array<StateChange<State, E>> = [];
      for (const [streamId, recorded] of byStream) {
        const id = streamId.slice(prefix.length);
        const before = stored.get(id) ?? options.initialState();
        const decoded = recorded.map((event) => options.codec.decode(event));
        const after = decoded.reduce((state, event) => options.evolve(state, event), before);
        const last = recorded[recorded.length - 1] as RecordedEvent;
        changes.push({
          id,
          divisionId: last.metadata.divisionId,
          before,
          after,
          events: decoded,
          version: last.metadata.streamVersion,
        });
      }
      await writeStates(tx, options, changes);
      await options.afterPage?.(changes, tx);
    },
  };
}

async function readStates<State>(
  tx: EntityManager,
  table: string,
  idColumn: string,
  ids: readonly string[],
): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  for (let start = 0; start < ids.length; start += idsPerStatement) {
    const sql = Sql.for(tx);
    const chunk = ids.slice(start, start + idsPerStatement);
    const rows = await sql.run(
      tx,
      `SELECT ${idColumn} AS id, state FROM ${table} WHERE ${idColumn} IN (${sql.list(chunk)})`,
    );
    for (const row of rows) states.set(String(row.id), JSON.parse(String(row.state)) as State);
  }
  return states;
}

async function writeStates<State, E extends DomainEvent>(
  tx: EntityManager,
  options: AggregateTableOptions<State, E>,
  changes: ReadonlyArray<StateChange<State, E>>,
): Promise<void> {
  const rows = changes.flatMap((change) => {
    const columns = options.columns(change.after);
    return columns === undefined
      ? []
      : [{ [options.idColumn]: change.id, ...columns, state: JSON.stringify(change.after), version: change.version }];
  });
  await upsertRows(tx, options.table, [options.idColumn], rows);
}

/**
 * Inserts rows, replacing those with the same key, in multi-row statements sized below either engine's limit on
 * parameters. Every row has the same columns.
 */
export async function upsertRows(
  tx: EntityManager,
  table: string,
  key: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const updates = columns.filter((column) => !key.includes(column));
  const onConflict =
    updates.length === 0
      ? `ON CONFLICT (${key.join(', ')}) DO NOTHING`
      : `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.map((column) => `${column} = excluded.${column}`).join(', ')}`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const sql = Sql.for(tx);
    const tuples = rows
      .slice(start, start + perStatement)
      .map((row) => `(${columns.map((column) => sql.param(row[column] ?? null)).join(', ')})`);
    await sql.run(tx, `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${onConflict}`);
  }
}
