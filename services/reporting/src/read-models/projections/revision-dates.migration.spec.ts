import { DataSource } from 'typeorm';
import { readModelTableStatements } from './reporting-tables.migration';
import { DateRevisionsWithinTheirDeal1765100000000 } from './revision-dates.migration';

const row = (eventId: string, kind: string, effectiveAt: string, recordedAt: string) => ({
  eventId,
  kind,
  effectiveAt,
  recordedAt,
});

describe('dating the revisions already projected within their deal', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    for (const { create } of readModelTableStatements()) await dataSource.query(create);
    const rows = [
      row('opened', 'opened', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      row('before-opening', 'forecast-revised', '2026-01-20T00:00:00.000Z', '2026-02-02T00:00:00.000Z'),
      row('after-recording', 'forecast-revised', '2099-01-01T00:00:00.000Z', '2026-02-10T00:00:00.000Z'),
      row('within', 'forecast-revised', '2026-02-03T00:00:00.000Z', '2026-02-04T00:00:00.000Z'),
      row('moved', 'stage-changed', '2026-02-06T00:00:00.000Z', '2026-02-06T00:00:00.000Z'),
      row('before-previous', 'forecast-revised', '2026-02-02T00:00:00.000Z', '2026-02-07T00:00:00.000Z'),
      row('won', 'won', '2026-02-11T00:00:00.000Z', '2026-02-11T00:00:00.000Z'),
    ];
    await dataSource.query(
      `INSERT INTO rpt_opportunity (opportunity_id, division_id, account_name, pipeline_id, stage_id, stage_entered_at,
         probability, amount, currency, expected_close_date, channel, products, status, opened_at, segment_ids)
       VALUES ('O1', 'north', 'Acme', 'new-business', 'proposal', '2026-02-01T00:00:00.000Z', 1, 1, 'EUR',
         '2026-06-30', 'direct', '[]', 'won', '2026-02-01T00:00:00.000Z', '[]')`,
    );
    for (const { eventId, kind, effectiveAt, recordedAt } of rows) {
      await dataSource.query(
        `INSERT INTO rpt_opportunity_history (event_id, opportunity_id, division_id, kind, effective_at, recorded_at)
         VALUES (?, 'O1', 'north', ?, ?, ?)`,
        [eventId, kind, effectiveAt, recordedAt],
      );
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('dates a revision stated before the forecast it revises from that forecast, one stated after its recording from the recording', async () => {
    const runner = dataSource.createQueryRunner();
    await new DateRevisionsWithinTheirDeal1765100000000().up(runner);
    await runner.release();
    const rows = await dataSource.query<Array<{ event_id: string; effective_at: string }>>(
      'SELECT event_id, effective_at FROM rpt_opportunity_history ORDER BY event_id',
    );
    expect(Object.fromEntries(rows.map((entry) => [entry.event_id, entry.effective_at]))).toEqual({
      'after-recording': '2026-02-10T00:00:00.000Z',
      'before-opening': '2026-02-01T00:00:00.000Z',
      // Recorded on the 7th, after the revision recorded on the 4th and dated the 3rd.
      'before-previous': '2026-02-03T00:00:00.000Z',
      moved: '2026-02-06T00:00:00.000Z',
      opened: '2026-02-01T00:00:00.000Z',
      within: '2026-02-03T00:00:00.000Z',
      won: '2026-02-11T00:00:00.000Z',
    });
    const [deal] = await dataSource.query<Array<{ forecast_since: string }>>(
      'SELECT forecast_since FROM rpt_opportunity',
    );
    expect(deal?.forecast_since).toBe('2026-02-11T00:00:00.000Z');
  });
});
