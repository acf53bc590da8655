import type { IntegrationEvent } from '@salesos/contracts';
import { TypeOrmInbox } from '@salesos/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { ApplyToNewTables, RebuildTarget } from '../application/rebuild-target.port';
import { lockLiveTables } from './read-models-lock';
import { rebuildPrefix, rebuildTables } from './read-model-tables';
import { ReadModelSession } from './read-model-session';
import { consumedContracts } from '../application/consumed-contracts';
import { applyInMemory, projectedTypes } from './reporting-projections';
import { readModelIndexes, readModelTableStatements } from './reporting-tables.migration';

/** The ids of the events a rebuild applied, adopted by the live consumer's inbox at the swap. */
const rebuiltIds = `${rebuildPrefix}event_ids`;
const idsPerStatement = 1000;

/**
 * The new tables of a rebuild, beside the live ones in the read models' database. Only the rebuild writes them, so
 * the rows it built stay in memory from page to page and nothing is read back.
 */
export class SqlRebuildTarget implements RebuildTarget {
  private session = ReadModelSession.overEmptyTables(rebuildTables);
  private readonly registry = consumedContracts();
  private readonly inbox: TypeOrmInbox;

  constructor(
    private readonly dataSource: DataSource,
    /** The live consumer's group, whose inbox adopts the rebuilt events; none when the read models have no consumer. */
    private readonly liveGroup: string | undefined,
  ) {
    this.inbox = new TypeOrmInbox(dataSource);
  }

  async prepare(): Promise<void> {
    this.session = ReadModelSession.overEmptyTables(rebuildTables);
    await this.dataSource.transaction(async (tx) => {
      await this.dropRebuildTables(tx);
      for (const { create } of readModelTableStatements(rebuildPrefix)) await tx.query(create);
      await tx.query(`CREATE TABLE ${rebuiltIds} (event_id varchar(200) PRIMARY KEY)`);
    });
  }

  /**
   * Takes what the live consumer would take: the projected types, each event valid against its contract, and each
   * event once.
   */
  apply(events: readonly IntegrationEvent[]): Promise<number> {
    return this.dataSource.transaction((tx) => this.applyIn(tx, events));
  }

  /**
   * Secondary indexes are built once the tables are nearly full, cheaper than keeping them up to date row by row. On
   * PostgreSQL the new tables are vacuumed too, so reports can answer from the indexes alone at once.
   */
  async index(): Promise<void> {
    // In a transaction, so that on SQLite's one connection it waits for the live consumer's to end.
    await this.dataSource.transaction(async (tx) => {
      for (const { create } of readModelIndexes(rebuildPrefix)) await tx.query(create);
    });
    if (this.postgres) {
      for (const { table } of readModelTableStatements(rebuildPrefix)) await this.dataSource.query(`VACUUM ${table}`);
    }
  }

  async swap(catchUp: (apply: ApplyToNewTables) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await lockLiveTables(tx);
      // Every event a live batch has committed was published before: reading to the end now covers it.
      await catchUp((events) => this.applyIn(tx, events));
      for (const { table } of readModelTableStatements()) {
        await tx.query(`DROP TABLE ${table}`);
        await tx.query(`ALTER TABLE ${rebuildPrefix}${table} RENAME TO ${table}`);
      }
      for (const { name, create } of readModelIndexes()) {
        // SQLite cannot rename an index, and its indexes are small: they are built again under their own names.
        if (this.postgres) {
          await tx.query(`ALTER INDEX ${rebuildPrefix}${name} RENAME TO ${name}`);
        } else {
          await tx.query(`DROP INDEX ${rebuildPrefix}${name}`);
          await tx.query(create);
        }
      }
      if (this.liveGroup !== undefined) {
        await this.inbox.adopt(tx, this.liveGroup, { table: rebuiltIds, column: 'event_id' });
      }
      await tx.query(`DROP TABLE ${rebuiltIds}`);
    });
    this.session = ReadModelSession.overEmptyTables(rebuildTables);
    // The planner's statistics still describe the tables before the rebuild; the reports' plans depend on them.
    await this.dataSource.transaction(async (tx) => {
      for (const { table } of readModelTableStatements()) await tx.query(`ANALYZE ${table}`);
    });
  }

  async discard(): Promise<void> {
    this.session = ReadModelSession.overEmptyTables(rebuildTables);
    await this.dataSource.transaction((tx) => this.dropRebuildTables(tx));
  }

  private async applyIn(tx: EntityManager, events: readonly IntegrationEvent[]): Promise<number> {
    const taken = events.filter(
      (event) => projectedTypes.includes(event.type) && this.registry.validate(event.type, event.data).ok,
    );
    if (taken.length === 0) return 0;
    const fresh = await this.rememberIds(tx, taken);
    const applied = taken.filter((event) => fresh.delete(event.id));
    applyInMemory(this.session, applied);
    await this.session.flush(tx);
    return applied.length;
  }

  private async dropRebuildTables(tx: EntityManager): Promise<void> {
    for (const { table } of readModelTableStatements(rebuildPrefix)) await tx.query(`DROP TABLE IF EXISTS ${table}`);
    await tx.query(`DROP TABLE IF EXISTS ${rebuiltIds}`);
  }

  /** Records the ids and answers those not seen before: a topic delivers at least once, so an event may come twice. */
  private async rememberIds(tx: EntityManager, events: readonly IntegrationEvent[]): Promise<Set<string>> {
    const fresh = new Set<string>();
    for (let start = 0; start < events.length; start += idsPerStatement) {
      const ids = [...new Set(events.slice(start, start + idsPerStatement).map((event) => event.id))];
      const rows = await tx.query<Array<{ event_id: string }>>(
        this.postgres
          ? `INSERT INTO ${rebuiltIds} (event_id) SELECT unnest($1::text[])
             ON CONFLICT DO NOTHING RETURNING event_id`
          : `INSERT INTO ${rebuiltIds} (event_id) SELECT value FROM json_each(?) WHERE true
             ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.postgres ? ids : JSON.stringify(ids)],
      );
      for (const row of rows) fresh.add(row.event_id);
    }
    return fresh;
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }
}
