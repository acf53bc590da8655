import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads service's view of its leads: one row per lead, its duplicate keys, its segments, and routing turns. */
export class CreateLeadsTables1765000000000 implements MigrationInterface {
  name = 'CreateLeadsTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE leads_lead (
         lead_id varchar(64) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         status varchar(20) NOT NULL,
         source varchar(60) NOT NULL,
         company_key varchar(250) NOT NULL,
         owner_rep_id varchar(100),
         team_id varchar(100),
         captured_at varchar(40) NOT NULL,
         state text NOT NULL,
         version integer NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX leads_lead_by_capture ON leads_lead (division_id, captured_at, lead_id)');
    await queryRunner.query('CREATE INDEX leads_lead_by_owner ON leads_lead (division_id, owner_rep_id, status)');
    await queryRunner.query('CREATE INDEX leads_lead_by_company ON leads_lead (division_id, company_key)');
    await queryRunner.query(
      `CREATE TABLE leads_lead_key (
         division_id varchar(100) NOT NULL,
         lookup_key varchar(320) NOT NULL,
         lead_id varchar(64) NOT NULL,
         PRIMARY KEY (division_id, lookup_key, lead_id)
       )`,
    );
    await queryRunner.query('CREATE INDEX leads_lead_key_by_lead ON leads_lead_key (lead_id)');
    await queryRunner.query(
      `CREATE TABLE leads_lead_segment (
         lead_id varchar(64) NOT NULL,
         segment_id varchar(100) NOT NULL,
         PRIMARY KEY (lead_id, segment_id)
       )`,
    );
    await queryRunner.query('CREATE INDEX leads_lead_segment_by_segment ON leads_lead_segment (segment_id, lead_id)');
    await queryRunner.query(
      `CREATE TABLE leads_assignment_turn (
         division_id varchar(100) NOT NULL,
         rule_id varchar(100) NOT NULL,
         turns integer NOT NULL,
         PRIMARY KEY (division_id, rule_id)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['leads_assignment_turn', 'leads_lead_segment', 'leads_lead_key', 'leads_lead']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
