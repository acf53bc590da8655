import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channels service's view of its tier programmes and of each dealer's tier record. A record's history (changes
 * by effective day, corrections applied) lives in its state: "which tier on day D" reads one row by key and answers
 * with a binary search over the history in memory.
 */
export class CreateTiersTables1766000000400 implements MigrationInterface {
  name = 'CreateTiersTables1766000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_tier_programme (
         programme_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         name varchar(120) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX channels_tier_programme_by_division ON channels_tier_programme (division_id, programme_id)',
    );
    await queryRunner.query(
      `CREATE TABLE channels_dealer_tier (
         dealer_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         programme_id varchar(100) NOT NULL,
         current_tier_id varchar(100) NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX channels_dealer_tier_by_division ON channels_dealer_tier (division_id, programme_id, current_tier_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_dealer_tier');
    await queryRunner.query('DROP TABLE channels_tier_programme');
  }
}
