import type { QueryRunner } from 'typeorm';

/**
 * A migration that adds read models to databases made before they joined the first migration: it creates the tables
 * a database lacks (those made since have them) and their indexes, and drops them again when undone.
 */
export const missingTables = (
  tables: () => Array<{ table: string; create: string }>,
  indexes: () => Array<{ create: string }>,
) => ({
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, create } of tables()) {
      if (!(await queryRunner.hasTable(table))) await queryRunner.query(create);
    }
    for (const { create } of indexes()) await queryRunner.query(create);
  },

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of tables().reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  },
});
