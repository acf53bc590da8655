import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forecast revisions projected before their business time was bounded: one dated later than its recording counts
 * from its recording, and one dated before its deal opened counts from the opening (see the pipeline projection), so
 * that the pipeline as of now is the pipeline now without a rebuild.
 */
export class DateRevisionsWithinTheirDeal1765100000000 implements MigrationInterface {
  name = 'DateRevisionsWithinTheirDeal1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const opening = `(SELECT o.effective_at FROM rpt_opportunity_history o
                      WHERE o.opportunity_id = rpt_opportunity_history.opportunity_id AND o.kind = 'opened')`;
    await queryRunner.query(
      `UPDATE rpt_opportunity_history SET effective_at = recorded_at
       WHERE kind = 'forecast-revised' AND effective_at > recorded_at`,
    );
    await queryRunner.query(
      `UPDATE rpt_opportunity_history SET effective_at = ${opening}
       WHERE kind = 'forecast-revised' AND effective_at < ${opening}`,
    );
  }

  /** The business times the revisions stated are still on the topics: a rebuild with an older version reads them. */
  async down(): Promise<void> {}
}
