import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dealIndexes } from './reporting-tables.migration';

/**
 * What the reports need at scale and since contracts 1.3.0, for tables made before: when a deal's close had both happened and been recorded
 * and how often it was reopened (so the as-of pipeline reads only deals that can have been open at the instant), each
 * stage move's dwell in days, the team of leads and deals, and an index that holds a deal's history in time order.
 * Tables created by the first migration since these joined it have them already. The new columns are filled from the
 * rows there; the team stays empty for leads assigned before their events named it.
 */
export class AddReportingColumns1764400000000 implements MigrationInterface {
  name = 'AddReportingColumns1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS rpt_opportunity_history_division');
    for (const index of dealIndexes()) await queryRunner.query(index.create);
    if (!(await queryRunner.hasColumn('rpt_opportunity', 'reopen_count'))) {
      await queryRunner.query('ALTER TABLE rpt_opportunity ADD COLUMN closed_settled_at varchar(40)');
      await queryRunner.query('ALTER TABLE rpt_opportunity ADD COLUMN reopen_count integer NOT NULL DEFAULT 0');
      // Set-based, so that filling a large table reads its history once.
      await queryRunner.query(
        `UPDATE rpt_opportunity SET reopen_count = counted.reopens, closed_settled_at = counted.closed_recorded_at
         FROM (SELECT h.opportunity_id,
                      SUM(CASE WHEN h.kind = 'reopened' THEN 1 ELSE 0 END) AS reopens,
                      MAX(CASE WHEN h.kind IN ('won', 'lost') THEN h.recorded_at END) AS closed_recorded_at
               FROM rpt_opportunity_history h GROUP BY h.opportunity_id) AS counted
         WHERE rpt_opportunity.opportunity_id = counted.opportunity_id`,
      );
      await queryRunner.query("UPDATE rpt_opportunity SET closed_settled_at = NULL WHERE status = 'open'");
      const later = queryRunner.connection.options.type === 'postgres' ? 'GREATEST' : 'MAX';
      await queryRunner.query(
        `UPDATE rpt_opportunity SET closed_settled_at = ${later}(COALESCE(closed_settled_at, closed_at), closed_at)
         WHERE status <> 'open'`,
      );
    }
    for (const table of ['rpt_lead', 'rpt_opportunity']) {
      if (!(await queryRunner.hasColumn(table, 'team_id'))) {
        await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN team_id varchar(100)`);
      }
    }
    if (!(await queryRunner.hasColumn('rpt_stage_transition', 'dwell_days'))) {
      await queryRunner.query(
        'ALTER TABLE rpt_stage_transition ADD COLUMN dwell_days double precision NOT NULL DEFAULT 0',
      );
      const days =
        queryRunner.connection.options.type === 'postgres'
          ? 'EXTRACT(EPOCH FROM (CAST(changed_at AS timestamptz) - CAST(from_entered_at AS timestamptz))) / 86400.0'
          : 'julianday(changed_at) - julianday(from_entered_at)';
      await queryRunner.query(`UPDATE rpt_stage_transition SET dwell_days = ${days}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rpt_opportunity DROP COLUMN team_id');
    await queryRunner.query('ALTER TABLE rpt_lead DROP COLUMN team_id');
    await queryRunner.query('DROP INDEX rpt_opportunity_history_opportunity');
    await queryRunner.query(
      'CREATE INDEX rpt_opportunity_history_division ON rpt_opportunity_history (division_id, opportunity_id)',
    );
    await queryRunner.query('ALTER TABLE rpt_stage_transition DROP COLUMN dwell_days');
    await queryRunner.query('ALTER TABLE rpt_opportunity DROP COLUMN reopen_count');
    await queryRunner.query('ALTER TABLE rpt_opportunity DROP COLUMN closed_settled_at');
  }
}
