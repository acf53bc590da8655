import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channels service's view of its contacts with dealers: each one's state, and the columns lists filter on. */
export class CreateCommunicationsTables1766000000500 implements MigrationInterface {
  name = 'CreateCommunicationsTables1766000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE channels_contact (
         contact_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         dealer_id varchar(100) NOT NULL,
         happened_on varchar(10) NOT NULL,
         logged_at varchar(40) NOT NULL,
         follow_up_due varchar(10),
         follow_up_done smallint NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query(
      'CREATE INDEX channels_contact_by_dealer ON channels_contact (division_id, dealer_id, happened_on)',
    );
    await queryRunner.query(
      'CREATE INDEX channels_contact_follow_ups ON channels_contact (division_id, follow_up_done, follow_up_due)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channels_contact');
  }
}
