import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The history entries that set a deal's forecast: its opening, its revisions, its wins. */
const forecastKinds = "('opened', 'forecast-revised', 'won')";

/**
 * Forecast revisions projected before their business time was bounded, dated as the pipeline projection dates them
 * now, so that the pipeline as of now is the pipeline now without a rebuild: a revision dated later than its
 * recording counts from its recording, and one dated before the forecast it revises took effect (the deal's opening,
 * an earlier revision, a win) counts from then. Each deal's row then records when its current forecast took effect.
 */
export class DateRevisionsWithinTheirDeal1765100000000 implements MigrationInterface {
  name = 'DateRevisionsWithinTheirDeal1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasColumn('rpt_opportunity', 'forecast_since'))) {
      await queryRunner.query('ALTER TABLE rpt_opportunity ADD COLUMN forecast_since varchar(40)');
    }
    await queryRunner.query(
      `UPDATE rpt_opportunity_history SET effective_at = recorded_at
       WHERE kind = 'forecast-revised' AND effective_at > recorded_at`,
    );
    // Entries in the order they were recorded: a revision counts from no earlier than any entry before it that set
    // the forecast. The greatest of those is the one it revises, as dated here (dating only ever moves an entry later).
    await queryRunner.query(
      `UPDATE rpt_opportunity_history SET effective_at = earlier.since
       FROM (SELECT event_id,
                    MAX(effective_at) OVER (PARTITION BY opportunity_id ORDER BY recorded_at, event_id
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS since
             FROM rpt_opportunity_history WHERE kind IN ${forecastKinds}) AS earlier
       WHERE rpt_opportunity_history.event_id = earlier.event_id
         AND rpt_opportunity_history.kind = 'forecast-revised'
         AND rpt_opportunity_history.effective_at < earlier.since`,
    );
    await queryRunner.query(
      `UPDATE rpt_opportunity SET forecast_since = latest.since
       FROM (SELECT opportunity_id, MAX(effective_at) AS since FROM rpt_opportunity_history
             WHERE kind IN ${forecastKinds} GROUP BY opportunity_id) AS latest
       WHERE rpt_opportunity.opportunity_id = latest.opportunity_id`,
    );
  }

  /** The business times the revisions stated are still on the topics: a rebuild reads them again. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rpt_opportunity DROP COLUMN forecast_since');
  }
}
