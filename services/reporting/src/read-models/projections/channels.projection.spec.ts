import { DealerPlanSetV1 } from '@salesos/contracts';
import type { DataSource } from 'typeorm';
import { openReportingDatabase } from '../../reporting-database';
import { channelStory } from '../../testing';
import { replay } from './replay';
import { periodDays } from './channels.projection';
import { ChannelReports } from '../../channels';

describe('channels projection', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
  });
  afterEach(() => dataSource.destroy());

  it('keeps dealers with division, channel and status, and the latest revision of each plan', async () => {
    await replay(dataSource, channelStory());
    expect(
      await dataSource.query('SELECT dealer_id, division_id, channel_id, status FROM rpt_dealer ORDER BY dealer_id'),
    ).toEqual([
      { dealer_id: 'dealer-a', division_id: 'north', channel_id: 'dealer-network', status: 'active' },
      { dealer_id: 'dealer-b', division_id: 'north', channel_id: 'retail-partners', status: 'active' },
      { dealer_id: 'dealer-s', division_id: 'south', channel_id: 'dealer-network', status: 'active' },
    ]);
    expect(
      await dataSource.query(
        'SELECT period, revision, amount, period_start, period_end FROM rpt_dealer_plan ORDER BY period',
      ),
    ).toEqual([
      { period: '2026-Q2', revision: 2, amount: 80_000, period_start: '2026-04-01', period_end: '2026-07-01' },
      { period: '2026-Q3', revision: 1, amount: 50_000, period_start: '2026-07-01', period_end: '2026-10-01' },
    ]);
  });

  it('an older plan revision arriving late, and an event applied twice, change nothing', async () => {
    const story = channelStory();
    const [first] = story.filter((event) => event.type === DealerPlanSetV1.type);
    await replay(dataSource, [...story, ...story, first as (typeof story)[number]]);
    const [q2] = await dataSource.query<Array<Record<string, unknown>>>(
      "SELECT revision, amount FROM rpt_dealer_plan WHERE period = '2026-Q2'",
    );
    expect(q2).toEqual({ revision: 2, amount: 80_000 });
    const [tiers] = await dataSource.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM rpt_dealer_tier');
    expect(tiers?.n).toBe(4);
  });

  it('the tier as of a deal date applies the correction: silver in May although a review said gold', async () => {
    await replay(dataSource, channelStory());
    const reports = new ChannelReports(dataSource);
    const { deals } = await reports.dealerDeals({ divisionId: 'north', scope: { kind: 'division' } }, 'dealer-a');
    expect(deals.map((deal) => [deal.opportunityId, deal.status, deal.tierId])).toEqual([
      ['o2', 'won', 'gold'],
      ['o3', 'lost', 'silver'],
      ['o1', 'won', 'silver'],
      ['o5', 'open', 'silver'],
    ]);
  });

  it('plan periods span their days: a year, a quarter, a month', () => {
    expect(periodDays('2026')).toEqual({ start: '2026-01-01', end: '2027-01-01' });
    expect(periodDays('2026-Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(periodDays('2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(periodDays('2026-07')).toEqual({ start: '2026-07-01', end: '2026-08-01' });
  });
});
