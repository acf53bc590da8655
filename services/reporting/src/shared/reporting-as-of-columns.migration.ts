import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readModelIndexes } from './reporting-tables.migration';

/**
 * Columns and an index that let the reports stay in the database at scale: when a deal's close was recorded and how often it was
 * reopened (so the as-of pipeline looks only at deals that can have been open at the instant), and each stage move's
 * dwell in days; and an index that holds a deal's history entries in time order. Tables created by the first migration since these columns joined it have them already; older ones
 * get them here, filled from the rows they hold.
 */
export class AddAsOfAndDwellColumns1764400000000 implements MigrationInterface {
  name = 'AddAsOfAndDwellColumns1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS rpt_opportunity_history_division');
    for (const index of readModelIndexes()) await queryRunner.query(index.create);
    if (!(await queryRunner.hasColumn('rpt_opportunity', 'reopen_count'))) {
      await queryRunner.query('ALTER TABLE rpt_opportunity ADD COLUMN closed_recorded_at varchar(40)');
      await queryRunner.query('ALTER TABLE rpt_opportunity ADD COLUMN reopen_count integer NOT NULL DEFAULT 0');
      // Set-based, so that filling a large table reads its history once.
      await queryRunner.query(
        `UPDATE rpt_opportunity SET reopen_count = counted.reopens, closed_recorded_at = counted.closed_recorded_at
         FROM (SELECT h.opportunity_id,
                      SUM(CASE WHEN h.kind = 'reopened' THEN 1 ELSE 0 END) AS reopens,
                      MAX(CASE WHEN h.kind IN ('won', 'lost') THEN h.recorded_at END) AS closed_recorded_at
               FROM rpt_opportunity_history h GROUP BY h.opportunity_id) AS counted
         WHERE rpt_opportunity.opportunity_id = counted.opportunity_id`,
      );
      await queryRunner.query("UPDATE rpt_opportunity SET closed_recorded_at = NULL WHERE status = 'open'");
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
    await queryRunner.query('DROP INDEX rpt_opportunity_history_opportunity');
    await queryRunner.query(
      'CREATE INDEX rpt_opportunity_history_division ON rpt_opportunity_history (division_id, opportunity_id)',
    );
    await queryRunner.query('ALTER TABLE rpt_stage_transition DROP COLUMN dwell_days');
    await queryRunner.query('ALTER TABLE rpt_opportunity DROP COLUMN reopen_count');
    await queryRunner.query('ALTER TABLE rpt_opportunity DROP COLUMN closed_recorded_at');
  }
}
