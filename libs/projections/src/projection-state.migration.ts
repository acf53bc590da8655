import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each projector has got to, and the events it parked: the same tables on PostgreSQL and SQLite, in the
 * database of the read models they guard.
 */
export class CreateProjectionState1764900000000 implements MigrationInterface {
  name = 'CreateProjectionState1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE projection_checkpoint (
         projector varchar(120) PRIMARY KEY,
         position varchar(40) NOT NULL,
         updated_at varchar(40) NOT NULL
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE projection_parked_event (
         projector varchar(120) NOT NULL,
         event_id varchar(64) NOT NULL,
         stream_id varchar(200) NOT NULL,
         position varchar(40) NOT NULL,
         type varchar(200) NOT NULL,
         reason text NOT NULL,
         parked_at varchar(40) NOT NULL,
         PRIMARY KEY (projector, event_id)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_parked_event');
    await queryRunner.query('DROP TABLE projection_checkpoint');
  }
}

export const projectionStateMigrations = [CreateProjectionState1764900000000];
