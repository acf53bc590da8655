import type Database from 'better-sqlite3';

/** Ordered schema steps; `PRAGMA user_version` records how many have run. */
const migrations: readonly string[] = [
  `CREATE TABLE es_streams (
     stream_id TEXT PRIMARY KEY,
     version INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE es_events (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_id TEXT NOT NULL,
     category TEXT NOT NULL,
     stream_version INTEGER NOT NULL,
     event_id TEXT NOT NULL,
     type TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     data TEXT NOT NULL,
     metadata TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     UNIQUE (stream_id, stream_version),
     UNIQUE (stream_id, event_id)
   );
   CREATE INDEX es_events_category_position ON es_events (category, position);
   CREATE INDEX es_events_type_position ON es_events (type, position);
   CREATE TABLE es_checkpoints (
     subscription_id TEXT PRIMARY KEY,
     position INTEGER NOT NULL,
     updated_at TEXT NOT NULL
   ) WITHOUT ROWID;`,
];

export function migrateSqliteEventStore(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let step = applied; step < migrations.length; step += 1) {
    db.transaction(() => {
      db.exec(migrations[step] as string);
      db.pragma(`user_version = ${step + 1}`);
    }).immediate();
  }
}
