import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of the channels service's dealers: each one's division, channel and standing. */
export class CreateDealersTables1765000000610 implements MigrationInterface {
  name = 'CreateDealersTables1765000000610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_dealer (
         dealer_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         channel_id varchar(100),
         standing varchar(20) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX leads_dealer_by_division ON leads_dealer (division_id, standing)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_dealer');
  }
}
