import type { MigrationInterface, QueryRunner } from 'typeorm';
import { channelIndexes, channelTableStatements } from './reporting-tables.migration';

/**
 * The channels' read models (dealers, tier changes, plans), for databases made before they joined the first
 * migration; databases made since have them already. A rebuild fills them from the channels' topics.
 */
export class AddChannelTables1766000000000 implements MigrationInterface {
  name = 'AddChannelTables1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, create } of channelTableStatements()) {
      if (!(await queryRunner.hasTable(table))) await queryRunner.query(create);
    }
    for (const { create } of channelIndexes()) await queryRunner.query(create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of channelTableStatements().reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
