import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of each division's sales process: its pipelines, won and loss reasons. */
export class CreateSalesProcessTables1765000000510 implements MigrationInterface {
  name = 'CreateSalesProcessTables1765000000510';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_sales_process (
         division_id varchar(100) PRIMARY KEY,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_sales_process');
  }
}
