import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channels service's view of its agreements: each one's state, and the stretches of days each signed version is
 * in force, with the last day of the unbroken terms that follow it (what "expiring within N days" asks of SQL).
 */
export class CreateAgreementsTables1766000000300 implements MigrationInterface {
  name = 'CreateAgreementsTables1766000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_agreement (
         agreement_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         dealer_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX channels_agreement_by_dealer ON channels_agreement (division_id, dealer_id, agreement_id)',
    );
    await queryRunner.query(
      `CREATE TABLE channels_agreement_coverage (
         agreement_id varchar(100) NOT NULL,
         in_force_from varchar(10) NOT NULL,
         in_force_to varchar(10) NOT NULL,
         coverage_ends_on varchar(10) NOT NULL,
         PRIMARY KEY (agreement_id, in_force_from)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_agreement_coverage');
    await queryRunner.query('DROP TABLE channels_agreement');
  }
}
