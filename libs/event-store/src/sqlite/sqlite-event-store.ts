import Database from 'better-sqlite3';
import type { AppendResult, EventMetadataInput, ExpectedVersion, NewEvent, RecordedEvent } from '../event';
import { streamCategory } from '../event';
import type {
  EventFilter,
  EventStore,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  AppendSignal,
} from '../event-store.port';
import { type AppendLimits, defaultAppendLimits, prepareAppend } from '../append-validation';
import {
  CheckpointConflictError,
  EventStoreError,
  EventStoreErrorCode,
  IdempotencyConflictError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import { checkExpectedVersion } from '../expected-version';
import { filteredScanWindow, normalizeReadAll, normalizeReadStream } from '../read-options';
import { toRecordedEvent } from '../stored-event';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { WakeUpSignal } from '../subscription/wake-up-signal';
import { SubscriptionRegistry } from '../subscription/subscription-registry';
import { migrateSqliteEventStore } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:'. */
  filename: string;
  /** FULL survives power loss; NORMAL (WAL) survives a process crash and is faster. */
  synchronous?: 'FULL' | 'NORMAL';
  clock?: () => Date;
  limits?: AppendLimits;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
}

interface EventRow {
  position: bigint;
  stream_id: string;
  stream_version: bigint;
  event_id: string;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  recorded_at: string;
}

const eventColumns = 'position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at';

/** The embedded default: one file, no server. better-sqlite3 is synchronous, so appends are serialized. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly wakeUp = new WakeUpSignal();

  get appendSignal(): AppendSignal {
    return this.wakeUp;
  }
  private readonly subscriptions = new SubscriptionRegistry();
  private readonly statements;
  private readonly filteredReads = new Map<string, Database.Statement>();
  private isClosed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    migrateSqliteEventStore(this.db);
    this.statements = {
      streamVersion: this.db.prepare<[string], { version: number }>(
        'SELECT version FROM es_streams WHERE stream_id = ?',
      ),
      storedIds: this.db
        .prepare<[string, string], { stream_version: bigint; position: bigint }>(
          `SELECT stream_version, position FROM es_events
           WHERE stream_id = ? AND event_id IN (SELECT value FROM json_each(?)) ORDER BY position`,
        )
        .safeIntegers(true),
      upsertStream: this.db.prepare<[string, number]>(
        `INSERT INTO es_streams (stream_id, version) VALUES (?, ?)
         ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version`,
      ),
      insertEvent: this.db.prepare(
        `INSERT INTO es_events (stream_id, category, stream_version, event_id, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      readForwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${eventColumns} FROM es_events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?`,
        )
        .safeIntegers(true),
      readBackwards: this.db
        .prepare<[string, number, number], EventRow>(
          `SELECT ${eventColumns} FROM es_events WHERE stream_id = ? AND stream_version <= ? ORDER BY stream_version DESC LIMIT ?`,
        )
        .safeIntegers(true),
      readAll: this.db
        .prepare<[bigint, number], EventRow>(
          `SELECT ${eventColumns} FROM es_events WHERE position > ? ORDER BY position LIMIT ?`,
        )
        .safeIntegers(true),
      scanHorizon: this.db
        .prepare<[bigint, number], { last: bigint | null; scanned: bigint }>(
          `SELECT max(position) AS last, count(*) AS scanned
           FROM (SELECT position FROM es_events WHERE position > ? ORDER BY position LIMIT ?)`,
        )
        .safeIntegers(true),
      readCheckpoint: this.db
        .prepare<[string], { position: bigint }>('SELECT position FROM es_checkpoints WHERE subscription_id = ?')
        .safeIntegers(true),
      insertCheckpoint: this.db.prepare<[string, bigint, string]>(
        'INSERT INTO es_checkpoints (subscription_id, position, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      updateCheckpoint: this.db.prepare<[bigint, string, string, bigint]>(
        'UPDATE es_checkpoints SET position = ?, updated_at = ? WHERE subscription_id = ? AND position = ?',
      ),
    };
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return Promise.resolve().then(() => this.appendNow(streamId, events, expected));
  }

  private appendNow(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): AppendResult {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.options.limits ?? defaultAppendLimits);
    const recordedAt = this.now();
    const category = streamCategory(streamId);
    const result = this.db
      .transaction((): AppendResult => {
        const stored = this.statements.storedIds.all(streamId, JSON.stringify(prepared.map((event) => event.eventId)));
        const last = stored[stored.length - 1];
        if (last !== undefined && stored.length === prepared.length) {
          return { nextExpectedVersion: Number(last.stream_version), lastPosition: last.position };
        }
        if (stored.length > 0) throw new IdempotencyConflictError(streamId);
        const current = this.statements.streamVersion.get(streamId)?.version;
        if (!checkExpectedVersion(expected, current)) {
          throw new WrongExpectedVersionError(streamId, expected, current ?? 0);
        }
        const base = current ?? 0;
        let lastPosition = 0n;
        prepared.forEach((event, index) => {
          const info = this.statements.insertEvent.run(
            streamId,
            category,
            base + index + 1,
            event.eventId,
            event.type,
            event.schemaVersion,
            event.dataJson,
            event.metadataJson,
            recordedAt,
          );
          lastPosition = BigInt(info.lastInsertRowid);
        });
        this.statements.upsertStream.run(streamId, base + prepared.length);
        return { nextExpectedVersion: base + prepared.length, lastPosition };
      })
      .immediate();
    this.wakeUp.notify();
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      const { from, direction, maxCount } = normalizeReadStream(streamId, options);
      const rows =
        direction === 'forwards'
          ? this.statements.readForwards.all(streamId, from ?? 0, maxCount)
          : this.statements.readBackwards.all(streamId, from ?? Number.MAX_SAFE_INTEGER, maxCount);
      return rows.map(toRecorded);
    });
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      const read = normalizeReadAll(options);
      if (read.categories === undefined && read.eventTypes === undefined) {
        const rows = this.statements.readAll.all(read.after, read.maxCount);
        const last = rows[rows.length - 1];
        return {
          events: rows.map(toRecorded),
          lastScannedPosition: last?.position ?? read.after,
          isEnd: rows.length < read.maxCount,
        };
      }
      // Bound the scan, then read the matches inside it, so long runs of other events still advance the reader.
      const horizon = this.statements.scanHorizon.get(read.after, filteredScanWindow);
      if (horizon?.last === null || horizon === undefined) {
        return { events: [], lastScannedPosition: read.after, isEnd: true };
      }
      const rows = this.filteredRead(read.categories !== undefined, read.eventTypes !== undefined).all(
        read.after,
        horizon.last,
        ...(read.categories ? [JSON.stringify(read.categories)] : []),
        ...(read.eventTypes ? [JSON.stringify(read.eventTypes)] : []),
        read.maxCount,
      ) as EventRow[];
      const lastRow = rows[rows.length - 1];
      if (lastRow !== undefined && rows.length === read.maxCount) {
        return { events: rows.map(toRecorded), lastScannedPosition: lastRow.position, isEnd: false };
      }
      return {
        events: rows.map(toRecorded),
        lastScannedPosition: horizon.last,
        isEnd: Number(horizon.scanned) < filteredScanWindow,
      };
    });
  }

  /** Counts events after a position without reading them, up to `cap`: how far a reader has to go. */
  countEvents(options: { after?: bigint; filter?: EventFilter; cap: number }): Promise<number> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      const read = normalizeReadAll({ after: options.after, filter: options.filter });
      const row = this.db
        .prepare(
          `SELECT count(*) AS count FROM (SELECT 1 FROM es_events WHERE position > ?
             ${read.categories ? 'AND category IN (SELECT value FROM json_each(?))' : ''}
             ${read.eventTypes ? 'AND type IN (SELECT value FROM json_each(?))' : ''}
             LIMIT ?)`,
        )
        .get(
          read.after,
          ...(read.categories ? [JSON.stringify(read.categories)] : []),
          ...(read.eventTypes ? [JSON.stringify(read.eventTypes)] : []),
          options.cap,
        ) as { count: number };
      return row.count;
    });
  }

  private filteredRead(byCategory: boolean, byType: boolean): Database.Statement {
    const key = `${byCategory}:${byType}`;
    let statement = this.filteredReads.get(key);
    if (statement === undefined) {
      statement = this.db
        .prepare(
          `SELECT ${eventColumns} FROM es_events WHERE position > ? AND position <= ?
           ${byCategory ? 'AND category IN (SELECT value FROM json_each(?))' : ''}
           ${byType ? 'AND type IN (SELECT value FROM json_each(?))' : ''}
           ORDER BY position LIMIT ?`,
        )
        .safeIntegers(true);
      this.filteredReads.set(key, statement);
    }
    return statement;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    return this.subscriptions.track(
      startPollingSubscription(
        { store: this, wakeUp: this.wakeUp, pollIntervalMs: this.options.pollIntervalMs ?? 200 },
        options,
      ),
    );
  }

  readCheckpoint(subscriptionId: string): Promise<bigint | undefined> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      return this.statements.readCheckpoint.get(subscriptionId)?.position;
    });
  }

  storeCheckpoint(subscriptionId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      const now = this.now();
      const changes =
        expected === undefined
          ? this.statements.insertCheckpoint.run(subscriptionId, position, now).changes
          : this.statements.updateCheckpoint.run(position, now, subscriptionId, expected).changes;
      if (changes === 0) {
        const actual = this.statements.readCheckpoint.get(subscriptionId)?.position;
        throw new CheckpointConflictError(subscriptionId, expected, actual);
      }
    });
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    await this.subscriptions.stopAll();
    this.isClosed = true;
    this.db.close();
  }

  private now(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }

  private assertOpen(): void {
    if (this.isClosed) throw new EventStoreError(EventStoreErrorCode.Closed, 'The event store is closed');
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return toRecordedEvent(
    {
      position: row.position,
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      eventId: row.event_id,
      type: row.type,
      schemaVersion: Number(row.schema_version),
      recordedAt: row.recorded_at,
    },
    JSON.parse(row.data),
    JSON.parse(row.metadata) as EventMetadataInput,
  );
}
