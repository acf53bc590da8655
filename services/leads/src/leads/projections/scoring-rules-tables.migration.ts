import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of each division's lead scoring rules. */
export class CreateScoringRulesTables1765000000520 implements MigrationInterface {
  name = 'CreateScoringRulesTables1765000000520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_scoring_rules (
         division_id varchar(100) PRIMARY KEY,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_scoring_rules');
  }
}
