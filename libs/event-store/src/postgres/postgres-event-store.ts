import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { AppendResult, EventMetadataInput, ExpectedVersion, NewEvent, RecordedEvent } from '../event';
import { streamCategory } from '../event';
import type {
  EventFilter,
  EventStore,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  AppendSignal,
} from '../event-store.port';
import { type AppendLimits, defaultAppendLimits, type PreparedEvent, prepareAppend } from '../append-validation';
import {
  CheckpointConflictError,
  EventStoreError,
  EventStoreErrorCode,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import { filteredScanWindow, type NormalizedReadAll, normalizeReadAll, normalizeReadStream } from '../read-options';
import { toRecordedEvent } from '../stored-event';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { WakeUpSignal } from '../subscription/wake-up-signal';
import { SubscriptionRegistry } from '../subscription/subscription-registry';
import { eventStoreMigrations } from './postgres-schema.migration';
import { runMigrationsExclusively } from './exclusive-migrations';

export interface PostgresEventStoreOptions {
  limits?: AppendLimits;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
}

export interface PostgresConnectOptions extends PostgresEventStoreOptions {
  url: string;
  poolSize?: number;
  /** Run the event store's migrations on connect (default true). */
  migrate?: boolean;
  /**
   * Wait for each commit to reach the disk before answering (default true). Off for bulk writes that can be redone
   * (seeding): a crash of the server may lose the last moments of commits, never consistency.
   */
  synchronousCommit?: boolean;
}

interface EventRow {
  position: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadataInput;
  recorded_at: Date;
}

/** A row of the filtered read: the scan's horizon, and an event that matched (all null when none did). */
interface HorizonRow extends Omit<EventRow, 'position'> {
  horizon_last: string | null;
  horizon_scanned: string;
  position: string | null;
}

export interface AppendRow {
  outcome: 'ok' | 'duplicate' | 'partial_duplicate' | 'conflict';
  next_version: string | null;
  last_position: string | null;
}

const eventColumns = 'position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at';

/** One round trip per append: a named statement, the ids as a uuid[] and the batch as one JSON document. */
export function buildAppendQuery(
  streamId: string,
  prepared: readonly PreparedEvent[],
  expected: ExpectedVersion,
): { name: string; text: string; values: unknown[] } {
  const batch = prepared
    .map(
      (event) =>
        `{"type":${JSON.stringify(event.type)},"schemaVersion":${event.schemaVersion},` +
        `"data":${event.dataJson},"metadata":${event.metadataJson}}`,
    )
    .join(',');
  const [kind, version] =
    typeof expected === 'number' ? (expected === 0 ? ['no_stream', null] : ['version', expected]) : [expected, null];
  return {
    name: 'event_store_append',
    text: 'SELECT outcome, next_version, last_position FROM event_store.append($1, $2, $3, $4, $5, $6)',
    values: [streamId, streamCategory(streamId), kind, version, prepared.map((event) => event.eventId), `[${batch}]`],
  };
}

export function interpretAppendRow(row: AppendRow, streamId: string, expected: ExpectedVersion): AppendResult {
  switch (row.outcome) {
    case 'ok':
    case 'duplicate':
      return { nextExpectedVersion: Number(row.next_version), lastPosition: BigInt(row.last_position as string) };
    case 'partial_duplicate':
      throw new IdempotencyConflictError(streamId);
    case 'conflict':
      throw new WrongExpectedVersionError(streamId, expected, Number(row.next_version));
  }
}

export class PostgresEventStore implements EventStore {
  private readonly wakeUp = new WakeUpSignal();

  get appendSignal(): AppendSignal {
    return this.wakeUp;
  }
  private readonly subscriptions = new SubscriptionRegistry();
  private isClosed = false;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly ownsDataSource: boolean,
    private readonly options: PostgresEventStoreOptions,
  ) {}

  /** Uses an application's TypeORM connection; its migrations must include `eventStoreMigrations`. */
  static fromDataSource(dataSource: DataSource, options: PostgresEventStoreOptions = {}): PostgresEventStore {
    if (dataSource.options.type !== 'postgres') {
      throw new Error(`PostgresEventStore needs a postgres DataSource, got '${dataSource.options.type}'`);
    }
    return new PostgresEventStore(dataSource, false, options);
  }

  static async connect(options: PostgresConnectOptions): Promise<PostgresEventStore> {
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      poolSize: options.poolSize ?? 20,
      ...(options.synchronousCommit === false ? { extra: { options: '-c synchronous_commit=off' } } : {}),
      migrations: eventStoreMigrations,
      migrationsTableName: 'event_store_migrations',
      migrationsTransactionMode: 'all',
    });
    await dataSource.initialize();
    try {
      // Services starting together on an empty database take turns; the others find the schema in place.
      if (options.migrate !== false) await runMigrationsExclusively(dataSource);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return new PostgresEventStore(dataSource, true, options);
  }

  /** The pg pool under TypeORM's connection: the hot path skips the ORM. */
  get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.options.limits ?? defaultAppendLimits);
    let rows: AppendRow[];
    try {
      ({ rows } = await this.pool.query<AppendRow>(buildAppendQuery(streamId, prepared, expected)));
    } catch (error) {
      throw translateAppendError(error, streamId);
    }
    const result = interpretAppendRow(rows[0] as AppendRow, streamId, expected);
    this.wakeUp.notify();
    return result;
  }

  /** One round trip and one transaction for every stream; see the port. */
  async appendStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    const limits = this.options.limits ?? defaultAppendLimits;
    const total = appends.reduce((sum, append) => sum + append.events.length, 0);
    if (total > limits.maxEventsPerAppend) {
      throw new InvalidAppendError(
        EventStoreErrorCode.BatchTooLarge,
        `appendStreams takes at most ${limits.maxEventsPerAppend} events in all, got ${total}`,
      );
    }
    if (new Set(appends.map((append) => append.streamId)).size !== appends.length) {
      throw new InvalidAppendError(EventStoreErrorCode.InvalidStreamId, 'appendStreams names a stream twice');
    }
    // Locked in one order by every caller, so two calls never wait for each other in a circle.
    const sorted = [...appends].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    const document = sorted
      .map(({ streamId, events, expected }) => {
        const prepared = prepareAppend(streamId, events, expected, limits);
        const [kind, version] =
          typeof expected === 'number'
            ? expected === 0
              ? ['no_stream', null]
              : ['version', expected]
            : [expected, null];
        const batch = prepared
          .map(
            (event) =>
              `{"eventId":${JSON.stringify(event.eventId)},"type":${JSON.stringify(event.type)},` +
              `"schemaVersion":${event.schemaVersion},"data":${event.dataJson},"metadata":${event.metadataJson}}`,
          )
          .join(',');
        return (
          `{"streamId":${JSON.stringify(streamId)},"category":${JSON.stringify(streamCategory(streamId))},` +
          `"expectedKind":${JSON.stringify(kind)},"expectedVersion":${JSON.stringify(version)},"events":[${batch}]}`
        );
      })
      .join(',');
    let rows: Array<{ stream_id: string; next_version: string; last_position: string }>;
    try {
      ({ rows } = await this.pool.query({
        name: 'event_store_append_streams',
        text: 'SELECT stream_id, next_version, last_position FROM event_store.append_streams($1)',
        values: [`[${document}]`],
      }));
    } catch (error) {
      const { code, detail, hint } = error as { code?: string; detail?: string; hint?: string };
      if (code === 'SE409' && detail !== undefined) {
        const refused = appends.find((append) => append.streamId === detail);
        throw new WrongExpectedVersionError(detail, refused?.expected ?? 'any', Number(hint));
      }
      throw translateAppendError(error, sorted.length === 1 ? (sorted[0] as StreamAppend).streamId : 'appendStreams');
    }
    this.wakeUp.notify();
    const byStream = new Map(rows.map((row) => [row.stream_id, row]));
    return appends.map((append) => {
      const row = byStream.get(append.streamId) as { next_version: string; last_position: string };
      return { nextExpectedVersion: Number(row.next_version), lastPosition: BigInt(row.last_position) };
    });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { from, direction, maxCount } = normalizeReadStream(streamId, options);
    const text =
      direction === 'forwards'
        ? `SELECT ${eventColumns} FROM event_store.events WHERE stream_id = $1 AND stream_version >= $2
           ORDER BY stream_version LIMIT $3`
        : `SELECT ${eventColumns} FROM event_store.events WHERE stream_id = $1 AND stream_version <= $2
           ORDER BY stream_version DESC LIMIT $3`;
    const start = from ?? (direction === 'forwards' ? 0 : Number.MAX_SAFE_INTEGER);
    // Named, so each connection parses and plans the hot read once.
    const name = direction === 'forwards' ? 'event_store_read_forwards' : 'event_store_read_backwards';
    const { rows } = await this.pool.query<EventRow>({ name, text, values: [streamId, start, maxCount] });
    return rows.map(toRecorded);
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    this.assertOpen();
    const read = normalizeReadAll(options);
    const after = read.after.toString();
    if (read.categories === undefined && read.eventTypes === undefined) {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${eventColumns} FROM event_store.events
          WHERE position > $1 AND position < event_store.visible_position_limit()
          ORDER BY position LIMIT $2`,
        [after, read.maxCount],
      );
      const last = rows[rows.length - 1];
      return {
        events: rows.map(toRecorded),
        lastScannedPosition: last === undefined ? read.after : BigInt(last.position),
        isEnd: rows.length < read.maxCount,
      };
    }
    // One statement, so one snapshot: every position below the horizon belongs to a transaction that had finished
    // when it was taken, so the filtered read sees a stable set and the reader may advance to the horizon even when
    // nothing in it matched. One round trip: the horizon rides on every row (on a row of nulls when none matched).
    const values: unknown[] = [after, filteredScanWindow];
    const conditions = ['position > $1', 'position <= horizon.last', ...filterConditions(read, values)];
    const { rows } = await this.pool.query<HorizonRow>(
      `WITH window_ AS (
         SELECT position FROM event_store.events
          WHERE position > $1 AND position < event_store.visible_position_limit()
          ORDER BY position LIMIT $2),
       horizon AS (SELECT max(position) AS last, count(*) AS scanned FROM window_)
       SELECT horizon.last AS horizon_last, horizon.scanned AS horizon_scanned, page.*
         FROM horizon LEFT JOIN LATERAL (
           SELECT ${eventColumns} FROM event_store.events WHERE ${conditions.join(' AND ')}
            ORDER BY position LIMIT $${values.push(read.maxCount)}) page ON true
        ORDER BY page.position`,
      values,
    );
    const first = rows[0] as HorizonRow;
    if (first.horizon_last === null) return { events: [], lastScannedPosition: read.after, isEnd: true };
    const matched = rows.filter(isMatchedRow);
    const lastRow = matched[matched.length - 1];
    if (lastRow !== undefined && matched.length === read.maxCount) {
      return { events: matched.map(toRecorded), lastScannedPosition: BigInt(lastRow.position), isEnd: false };
    }
    return {
      events: matched.map(toRecorded),
      lastScannedPosition: BigInt(first.horizon_last),
      isEnd: Number(first.horizon_scanned) < filteredScanWindow,
    };
  }

  async countEvents(options: { after?: bigint; filter?: EventFilter; cap: number }): Promise<number> {
    this.assertOpen();
    const read = normalizeReadAll({ after: options.after, filter: options.filter });
    const values: unknown[] = [read.after.toString()];
    const conditions = [
      'position > $1',
      'position < event_store.visible_position_limit()',
      ...filterConditions(read, values),
    ];
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM (SELECT 1 FROM event_store.events WHERE ${conditions.join(' AND ')}
        LIMIT $${values.push(options.cap)}) counted`,
      values,
    );
    return Number(rows[0]?.count ?? 0);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    return this.subscriptions.track(
      startPollingSubscription(
        { store: this, wakeUp: this.wakeUp, pollIntervalMs: this.options.pollIntervalMs ?? 100 },
        options,
      ),
    );
  }

  async readCheckpoint(subscriptionId: string): Promise<bigint | undefined> {
    this.assertOpen();
    return readCheckpointWith(this.pool, subscriptionId);
  }

  async storeCheckpoint(subscriptionId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    this.assertOpen();
    await storeCheckpointWith(this.pool, subscriptionId, position, expected);
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.subscriptions.stopAll();
    if (this.ownsDataSource) await this.dataSource.destroy();
  }

  private assertOpen(): void {
    if (this.isClosed) throw new EventStoreError(EventStoreErrorCode.Closed, 'The event store is closed');
  }
}

/** A reused event id at a matching version is caught by the unique index, not by the retry check. */
export function translateAppendError(error: unknown, streamId: string): unknown {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'events_stream_event_id_key'
    ? new IdempotencyConflictError(streamId)
    : error;
}

/** SQL conditions of a category and type filter; their parameters are appended to `values`. */
function filterConditions(read: Pick<NormalizedReadAll, 'categories' | 'eventTypes'>, values: unknown[]): string[] {
  const conditions: string[] = [];
  if (read.categories) conditions.push(`category = ANY($${values.push(read.categories)})`);
  if (read.eventTypes) conditions.push(`type = ANY($${values.push(read.eventTypes)})`);
  return conditions;
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

async function readCheckpointWith(db: Queryable, subscriptionId: string): Promise<bigint | undefined> {
  const { rows } = await db.query<{ position: string }>(
    'SELECT position FROM event_store.checkpoints WHERE subscription_id = $1',
    [subscriptionId],
  );
  return rows[0] === undefined ? undefined : BigInt(rows[0].position);
}

/**
 * Compare-and-set of a checkpoint. Takes any client, so a projection in the same database can store its
 * checkpoint inside the transaction that writes its tables.
 */
export async function storeCheckpointWith(
  db: Queryable,
  subscriptionId: string,
  position: bigint,
  expected: bigint | undefined,
): Promise<void> {
  const result =
    expected === undefined
      ? await db.query(
          `INSERT INTO event_store.checkpoints (subscription_id, position) VALUES ($1, $2)
           ON CONFLICT (subscription_id) DO NOTHING`,
          [subscriptionId, position.toString()],
        )
      : await db.query(
          `UPDATE event_store.checkpoints SET position = $2, updated_at = now()
            WHERE subscription_id = $1 AND position = $3`,
          [subscriptionId, position.toString(), expected.toString()],
        );
  if (result.rowCount === 0) {
    throw new CheckpointConflictError(subscriptionId, expected, await readCheckpointWith(db, subscriptionId));
  }
}

/** A row of the filtered page; when nothing matched, the one row holds only the horizon. */
function isMatchedRow(row: HorizonRow): row is HorizonRow & EventRow {
  return row.position !== null;
}

function toRecorded(row: EventRow): RecordedEvent {
  return toRecordedEvent(
    {
      position: BigInt(row.position),
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      recordedAt: row.recorded_at.toISOString(),
    },
    row.data,
    row.metadata,
  );
}
