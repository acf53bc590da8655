import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded import files, kept part by part until their import ends, so an import resumes without the client. */
export class CreateLeadImportsTables1765000000500 implements MigrationInterface {
  name = 'CreateLeadImportsTables1765000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The one spelling the engines do not share: bytes are bytea on PostgreSQL and a blob on SQLite.
    const bytes = queryRunner.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await queryRunner.query(
      `CREATE TABLE leads_import_upload (
         upload_id varchar(64) PRIMARY KEY,
         import_id varchar(64) NOT NULL,
         division_id varchar(100) NOT NULL,
         complete integer NOT NULL,
         bytes bigint NOT NULL,
         updated_at varchar(40) NOT NULL
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE leads_import_upload_part (
         upload_id varchar(64) NOT NULL,
         part_index integer NOT NULL,
         data ${bytes} NOT NULL,
         PRIMARY KEY (upload_id, part_index)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leads_import_upload_part');
    await queryRunner.query('DROP TABLE leads_import_upload');
  }
}
