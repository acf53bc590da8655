import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channels service's view of its dealers' plans: each plan's state, and the figures lists filter, sort and show:
 * the revision in force, plan and actual value (in cents) and units, and the value attainment.
 */
export class CreatePlansTables1766000000700 implements MigrationInterface {
  name = 'CreatePlansTables1766000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_plan (
         plan_id varchar(200) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         dealer_id varchar(100) NOT NULL,
         period varchar(10) NOT NULL,
         revision integer NOT NULL,
         currency varchar(3) NOT NULL,
         plan_cents bigint NOT NULL,
         actual_cents bigint NOT NULL,
         plan_units bigint NOT NULL,
         actual_units bigint NOT NULL,
         attainment double precision,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX channels_plan_by_division ON channels_plan (division_id, period, dealer_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_plan');
  }
}
