import type { MigrationInterface, QueryRunner } from 'typeorm';
import { missingTables } from './missing-tables';
import { registrationIndexes, registrationTableStatements } from './reporting-tables.migration';

const registrationTables = missingTables(registrationTableStatements, registrationIndexes);

/**
 * The dealers' deal registrations, for databases made before they joined the first migration; databases made since
 * have them already. A rebuild fills them from the registration topic (which keeps 90 days).
 */
export class AddDealRegistrationTable1767000000000 implements MigrationInterface {
  name = 'AddDealRegistrationTable1767000000000';

  up = (queryRunner: QueryRunner): Promise<void> => registrationTables.up(queryRunner);
  down = (queryRunner: QueryRunner): Promise<void> => registrationTables.down(queryRunner);
}
