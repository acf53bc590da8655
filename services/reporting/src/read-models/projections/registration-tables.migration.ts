import type { MigrationInterface, QueryRunner } from 'typeorm';
import { registrationIndexes, registrationTableStatements } from './reporting-tables.migration';

/**
 * The dealers' deal registrations, for databases made before they joined the first migration; databases made since
 * have them already. A rebuild fills them from the registration topic (which keeps 90 days).
 */
export class AddDealRegistrationTable1767000000000 implements MigrationInterface {
  name = 'AddDealRegistrationTable1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, create } of registrationTableStatements()) {
      if (!(await queryRunner.hasTable(table))) await queryRunner.query(create);
    }
    for (const { create } of registrationIndexes()) await queryRunner.query(create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of registrationTableStatements().reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
