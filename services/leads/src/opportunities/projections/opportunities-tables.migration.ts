import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of its pipeline: one row per opportunity. */
export class CreateOpportunitiesTables1765000000300 implements MigrationInterface {
  name = 'CreateOpportunitiesTables1765000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_opportunity (
         opportunity_id varchar(64) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         account_key varchar(250) NOT NULL,
         pipeline_id varchar(100) NOT NULL,
         stage_id varchar(60) NOT NULL,
         owner_rep_id varchar(100),
         team_id varchar(100),
         channel varchar(20) NOT NULL,
         dealer_id varchar(100),
         expected_close_date varchar(10) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX leads_opportunity_by_close ON leads_opportunity (division_id, expected_close_date, opportunity_id)',
    );
    await queryRunner.query('CREATE INDEX leads_opportunity_by_owner ON leads_opportunity (division_id, owner_rep_id)');
    await queryRunner.query(
      'CREATE INDEX leads_opportunity_by_account ON leads_opportunity (division_id, account_key)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_opportunity');
  }
}
