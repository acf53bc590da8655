import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channels service's view of its dealers: each one's state, and the columns lists filter and sort on. */
export class CreateDealersTables1766000000200 implements MigrationInterface {
  name = 'CreateDealersTables1766000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_dealer (
         dealer_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         channel_id varchar(100) NOT NULL,
         company_name varchar(200) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX channels_dealer_by_division ON channels_dealer (division_id, status, company_name)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_dealer');
  }
}
