import { asUser } from '@salesos/auth/testing';
import { channelStory, salesStoryApi } from '../../testing';

const analyst = asUser('analyst-1', 'analyst', 'north');
const dealerA = asUser('dealer-a-user', 'dealer', 'north', { dealerId: 'dealer-a' });
const rep = asUser('rep-1', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['north-team'] });
const q2 = 'from=2026-04-01&to=2026-07-01';

describe('channel and dealer reports API (figures computed by hand from the channel story)', () => {
  const { get } = salesStoryApi('sqlite', analyst, channelStory);

  it('GET /reports/channels: per channel won, lost, win rate, revenue won and open pipeline', async () => {
    const response = await get(`/reports/channels?${q2}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
      channels: [
        {
          channelId: 'dealer-network',
          won: 2,
          lost: 1,
          winRate: 0.67,
          revenueWon: { EUR: 60_000 },
          openDeals: 1,
          openPipeline: { EUR: 5_000 },
        },
        {
          channelId: 'direct',
          won: 1,
          lost: 0,
          winRate: 1,
          revenueWon: { EUR: 7_000 },
          openDeals: 1,
          openPipeline: { EUR: 3_000 },
        },
        {
          channelId: 'retail-partners',
          won: 1,
          lost: 0,
          winRate: 1,
          revenueWon: { EUR: 10_000 },
          openDeals: 0,
          openPipeline: {},
        },
      ],
    });
  });

  it('GET /reports/dealers: plan for the period, attainment, and the won deals by the tier in force', async () => {
    const response = await get(`/reports/dealers?${q2}`);
    expect(response.status).toBe(200);
    expect(response.body.dealers).toEqual([
      {
        dealerId: 'dealer-a',
        channelId: 'dealer-network',
        companyName: 'Company of dealer-a',
        status: 'active',
        won: 2,
        lost: 1,
        winRate: 0.67,
        revenueWon: { EUR: 60_000 },
        openDeals: 1,
        openPipeline: { EUR: 5_000 },
        plan: { periods: ['2026-Q2'], value: { EUR: 80_000 }, units: 3 },
        attainment: 0.75,
        wonByTier: [
          { tierId: 'gold', deals: 1, revenueWon: { EUR: 20_000 } },
          { tierId: 'silver', deals: 1, revenueWon: { EUR: 40_000 } },
        ],
      },
      expect.objectContaining({
        dealerId: 'dealer-b',
        won: 1,
        plan: null,
        attainment: null,
        wonByTier: [{ tierId: null, deals: 1, revenueWon: { EUR: 10_000 } }],
      }),
    ]);
    const retail = await get(`/reports/dealers?${q2}&channelId=retail-partners`);
    expect(retail.body.dealers.map((dealer: { dealerId: string }) => dealer.dealerId)).toEqual(['dealer-b']);
  });

  it('GET /reports/dealers/{dealerId}/deals: each deal with its tier at the deal date', async () => {
    const response = await get(`/reports/dealers/dealer-a/deals?${q2}`);
    expect(response.status).toBe(200);
    expect(
      response.body.deals.map((deal: { opportunityId: string; tierId: string }) => [deal.opportunityId, deal.tierId]),
    ).toEqual([
      ['o2', 'gold'],
      ['o3', 'silver'],
      ['o1', 'silver'],
      ['o5', 'silver'],
    ]);
    expect(response.body.deals[0]).toMatchObject({ status: 'won', amount: { amount: 20_000, currency: 'EUR' } });
  });

  it('invalid input is refused naming the field', async () => {
    for (const [path, field] of [
      ['/reports/channels?from=yesterday', 'from'],
      ['/reports/channels?to=2026-13-01', 'to'],
      ['/reports/channels?from=2026-07-01&to=2026-04-01', 'to'],
      ['/reports/dealers?channelId=bad%20id', 'channelId'],
      ['/reports/dealers?from=x', 'from'],
      ['/reports/dealers/bad%20id/deals', 'dealerId'],
      ['/reports/dealers/dealer-a/deals?to=x', 'to'],
      ['/reports/channels?unknown=1', 'unknown'],
    ] as const) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  it('reps and team leads may not read channel reports', async () => {
    for (const caller of [rep, teamLead]) {
      for (const path of ['/reports/channels', '/reports/dealers', '/reports/dealers/dealer-a/deals']) {
        expect((await get(path, caller)).status).toBe(403);
      }
    }
  });

  it("a dealer's user sees only its own dealer; another dealer's deals read as not found", async () => {
    const channels = await get(`/reports/channels?${q2}`, dealerA);
    expect(channels.body.channels).toEqual([expect.objectContaining({ channelId: 'dealer-network', won: 2 })]);
    const dealers = await get(`/reports/dealers?${q2}`, dealerA);
    expect(dealers.body.dealers.map((dealer: { dealerId: string }) => dealer.dealerId)).toEqual(['dealer-a']);
    expect((await get('/reports/dealers/dealer-a/deals', dealerA)).status).toBe(200);
    const other = await get('/reports/dealers/dealer-b/deals', dealerA);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('DEALER_NOT_FOUND');
  });

  it('another division sees none of these dealers', async () => {
    const south = asUser('analyst-s', 'analyst', 'south');
    const dealers = await get(`/reports/dealers?${q2}`, south);
    expect(dealers.body.dealers).toEqual([expect.objectContaining({ dealerId: 'dealer-s', won: 0, winRate: null })]);
    expect((await get('/reports/dealers/dealer-a/deals', south)).body.deals).toEqual([]);
  });
});
