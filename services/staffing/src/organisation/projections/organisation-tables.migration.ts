import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The staffing service's view of its organisation: each unit and each position, and the columns reads filter on. */
export class CreateOrganisationTables1767000000100 implements MigrationInterface {
  name = 'CreateOrganisationTables1767000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE staffing_unit (
         unit_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         parent_unit_id varchar(100),
         kind varchar(20) NOT NULL,
         status varchar(20) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX staffing_unit_by_division ON staffing_unit (division_id, parent_unit_id)');
    await queryRunner.query(
      `CREATE TABLE staffing_position (
         position_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         title varchar(120) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX staffing_position_by_division ON staffing_position (division_id, status, title)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE staffing_position');
    await queryRunner.query('DROP TABLE staffing_unit');
  }
}
