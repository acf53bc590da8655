import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of the sales organisation: each division with its reps, teams and dealers. */
export class CreateOrganisationTables1765000000400 implements MigrationInterface {
  name = 'CreateOrganisationTables1765000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_division (
         division_id varchar(100) PRIMARY KEY,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_division');
  }
}
