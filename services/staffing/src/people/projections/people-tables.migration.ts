import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staffing service's view of its people: each person, every stretch of their membership history (effective
 * dated, so that "who worked where on a day" is one indexed query), and their leaves.
 */
export class CreatePeopleTables1767000000200 implements MigrationInterface {
  name = 'CreatePeopleTables1767000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE staffing_person (
         person_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         user_id varchar(100),
         name varchar(200) NOT NULL,
         name_key varchar(200) NOT NULL,
         email varchar(254) NOT NULL,
         hired_on varchar(10) NOT NULL,
         departed_on varchar(10),
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX staffing_person_by_name ON staffing_person (division_id, name_key)');
    await queryRunner.query('CREATE INDEX staffing_person_by_user ON staffing_person (division_id, user_id)');
    // One row per stretch: from_day up to, not including, until_day (none: still open). A change superseded on the
    // day it took effect is kept with from_day = until_day and holds on no day.
    await queryRunner.query(
      `CREATE TABLE staffing_membership (
         person_id varchar(100) NOT NULL,
         seq integer NOT NULL,
         division_id varchar(100) NOT NULL,
         unit_id varchar(100) NOT NULL,
         position_id varchar(100) NOT NULL,
         change_kind varchar(20) NOT NULL,
         from_day varchar(10) NOT NULL,
         until_day varchar(10),
         reason text,
         latest integer NOT NULL,
         PRIMARY KEY (person_id, seq)
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX staffing_membership_by_unit ON staffing_membership (division_id, unit_id, from_day)',
    );
    await queryRunner.query(
      `CREATE TABLE staffing_person_leave (
         person_id varchar(100) NOT NULL,
         starts_on varchar(10) NOT NULL,
         returns_on varchar(10),
         PRIMARY KEY (person_id, starts_on)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE staffing_person_leave');
    await queryRunner.query('DROP TABLE staffing_membership');
    await queryRunner.query('DROP TABLE staffing_person');
  }
}
