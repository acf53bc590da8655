import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of its segments. */
export class CreateSegmentsTables1765000000100 implements MigrationInterface {
  name = 'CreateSegmentsTables1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_segment (
         segment_id varchar(64) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         name varchar(120) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX leads_segment_by_division ON leads_segment (division_id, status, name)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_segment');
  }
}
