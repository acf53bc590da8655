import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channels service's view of each division's channel catalogue. */
export class CreateChannelCatalogueTables1766000000100 implements MigrationInterface {
  name = 'CreateChannelCatalogueTables1766000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_catalogue (
         division_id varchar(100) PRIMARY KEY,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_catalogue');
  }
}
