import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of each division's assignment rules. */
export class CreateAssignmentTables1765000000200 implements MigrationInterface {
  name = 'CreateAssignmentTables1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_assignment_rules (
         division_id varchar(100) PRIMARY KEY,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_assignment_rules');
  }
}
