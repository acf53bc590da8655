import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { Inbox } from './inbox.port';

/** The inbox table; portable SQL, so PostgreSQL and SQLite read models share it. */
export class CreateMessagingInbox1764201700000 implements MigrationInterface {
  name = 'CreateMessagingInbox1764201700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE messaging_inbox (
         consumer_group varchar(200) NOT NULL,
         event_id varchar(200) NOT NULL,
         processed_at varchar(40) NOT NULL,
         PRIMARY KEY (consumer_group, event_id)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE messaging_inbox');
  }
}

export const messagingMigrations = [CreateMessagingInbox1764201700000];

/** Inbox in the consumer's own database, in the same transaction as the effects it guards. */
export class TypeOrmInbox implements Inbox<EntityManager> {
  readonly transactional = true;
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
    /**
     * Runs first in every batch's transaction, before its ids are recorded: a lock the consumer's effects share with
     * other writers of the same tables.
     */
    private readonly guard?: (manager: EntityManager) => Promise<void>,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
    if (!this.postgres && dataSource.options.type !== 'better-sqlite3') {
      throw new Error(`TypeOrmInbox supports postgres and better-sqlite3, not '${dataSource.options.type}'`);
    }
  }

  processBatch(
    groupId: string,
    eventIds: readonly string[],
    effects: (fresh: ReadonlySet<string>, tx: EntityManager) => Promise<void>,
  ): Promise<ReadonlySet<string>> {
    if (eventIds.length === 0) return Promise.resolve(new Set());
    return this.dataSource.transaction(async (manager) => {
      await this.guard?.(manager);
      const fresh = await this.record(manager, groupId, [...new Set(eventIds)]);
      await effects(fresh, manager);
      return fresh;
    });
  }

  /**
   * Counts the ids in a column of another table as processed by the group, inside the caller's transaction: a read
   * model rebuilt from the topics holds those events already, and its live consumer must skip them.
   */
  async adopt(manager: EntityManager, groupId: string, source: { table: string; column: string }): Promise<void> {
    const at = this.clock().toISOString();
    await manager.query(
      `INSERT INTO messaging_inbox (consumer_group, event_id, processed_at)
       SELECT ${this.postgres ? '$1' : '?'}, ${source.column}, ${this.postgres ? '$2' : '?'} FROM ${source.table} WHERE true
       ON CONFLICT DO NOTHING`,
      [groupId, at],
    );
  }

  /** Inserts the ids that are new and returns them: one statement for the whole batch. */
  private async record(manager: EntityManager, groupId: string, eventIds: string[]): Promise<Set<string>> {
    const at = this.clock().toISOString();
    const rows = this.postgres
      ? await manager.query<Array<{ event_id: string }>>(
          `INSERT INTO messaging_inbox (consumer_group, event_id, processed_at)
           SELECT $1, id, $3 FROM unnest($2::text[]) AS id
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [groupId, eventIds, at],
        )
      : await manager.query<Array<{ event_id: string }>>(
          `INSERT INTO messaging_inbox (consumer_group, event_id, processed_at)
           SELECT ?, value, ? FROM json_each(?) WHERE true
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [groupId, at, JSON.stringify(eventIds)],
        );
    return new Set(rows.map((row) => row.event_id));
  }
}
