import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company name as lists search and sort it (Unicode-normalised, lower case), so that both engines find and order
 * the same dealers.
 */
export class AddDealerCompanyKey1766000000210 implements MigrationInterface {
  name = 'AddDealerCompanyKey1766000000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE channels_dealer ADD COLUMN company_key varchar(200) NOT NULL DEFAULT ''");
    await queryRunner.query('UPDATE channels_dealer SET company_key = LOWER(company_name)');
    await queryRunner.query('CREATE INDEX channels_dealer_by_company ON channels_dealer (division_id, company_key)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX channels_dealer_by_company');
    await queryRunner.query('ALTER TABLE channels_dealer DROP COLUMN company_key');
  }
}
