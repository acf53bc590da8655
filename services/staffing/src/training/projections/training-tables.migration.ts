import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staffing service's views of training: the catalogue's courses and programmes, each person's training record,
 * and each person's current certification of each course by the day it expires.
 */
export class CreateTrainingTables1767000000300 implements MigrationInterface {
  name = 'CreateTrainingTables1767000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE staffing_course (
         course_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         title varchar(200) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX staffing_course_by_division ON staffing_course (division_id, status, title)');
    await queryRunner.query(
      `CREATE TABLE staffing_programme (
         programme_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         title varchar(200) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX staffing_programme_by_division ON staffing_programme (division_id, status, title)',
    );
    await queryRunner.query(
      `CREATE TABLE staffing_training_record (
         person_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX staffing_training_record_by_division ON staffing_training_record (division_id, person_id)',
    );
    // due_on is the expiry while it is still to be recorded: the timer's index holds nothing else.
    await queryRunner.query(
      `CREATE TABLE staffing_certification (
         person_id varchar(100) NOT NULL,
         course_id varchar(100) NOT NULL,
         division_id varchar(100) NOT NULL,
         assessment_id varchar(100) NOT NULL,
         granted_on varchar(10) NOT NULL,
         expires_on varchar(10),
         due_on varchar(10),
         PRIMARY KEY (person_id, course_id)
       )`,
    );
    await queryRunner.query('CREATE INDEX staffing_certification_due ON staffing_certification (due_on)');
    await queryRunner.query(
      'CREATE INDEX staffing_certification_by_expiry ON staffing_certification (division_id, expires_on)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE staffing_certification');
    await queryRunner.query('DROP TABLE staffing_training_record');
    await queryRunner.query('DROP TABLE staffing_programme');
    await queryRunner.query('DROP TABLE staffing_course');
  }
}
