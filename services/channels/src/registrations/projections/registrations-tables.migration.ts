import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channels service's view of deal registrations (state, the columns lists filter on, and when each accepted one
 * lapses), and the deals the leads service told of: the dealer each is attributed to and its products.
 */
export class CreateRegistrationsTables1766000000600 implements MigrationInterface {
  name = 'CreateRegistrationsTables1766000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_registration (
         registration_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         dealer_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         company_name varchar(200) NOT NULL,
         company_key varchar(200) NOT NULL,
         answer varchar(20),
         opportunity_id varchar(100),
         submitted_at varchar(40) NOT NULL,
         lapse_due_at varchar(40),
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX channels_registration_by_division ON channels_registration (division_id, status, dealer_id)',
    );
    await queryRunner.query('CREATE INDEX channels_registration_by_lapse ON channels_registration (lapse_due_at)');
    await queryRunner.query(
      'CREATE INDEX channels_registration_by_company ON channels_registration (division_id, dealer_id, company_key)',
    );
    await queryRunner.query(
      `CREATE TABLE channels_registration_deal (
         opportunity_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         dealer_id varchar(100),
         account_key varchar(200) NOT NULL,
         products text NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_registration_deal');
    await queryRunner.query('DROP TABLE channels_registration');
  }
}
