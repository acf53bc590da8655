import { asUser } from '@salesos/auth/testing';
import { channelStory, type ReportingEngine, salesStoryApi } from '../../testing';

const analyst = asUser('analyst-1', 'analyst', 'north');
const dealerA = asUser('dealer-a-user', 'dealer', 'north', { dealerId: 'dealer-a' });
const rep = asUser('rep-1', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['north-team'] });
const q2 = 'from=2026-04-01&to=2026-07-01';

const noDeals = { won: 0, lost: 0, winRate: null, revenueWon: {}, openDeals: 0, openPipeline: {} };

/** Where registrations stand, all zero but those given. */
const registrations = (figures: Record<string, number | null> = {}) => ({
  submitted: 0,
  accepted: 0,
  conflicted: 0,
  awaitingAnswer: 0,
  won: 0,
  lost: 0,
  lapsed: 0,
  open: 0,
  winRate: null,
  ...figures,
});
/** dealer-a's registrations submitted in the second quarter; its March one, won in April, is not among them. */
const dealerAInQ2 = registrations({
  submitted: 6,
  accepted: 4,
  conflicted: 1,
  awaitingAnswer: 1,
  won: 1,
  lost: 1,
  lapsed: 1,
  open: 1,
  winRate: 0.33,
});
const dealerBInQ2 = registrations({ submitted: 1, accepted: 1, won: 1, winRate: 1 });

/** The channel reports API's cases, figures computed by hand from the channel story; run on each engine. */
export function describeChannelReportsApi(engine: ReportingEngine): void {
  describe(`channel and dealer reports API on ${engine} (figures computed by hand from the channel story)`, () => {
    const { get } = salesStoryApi(engine, analyst, channelStory);

    it('GET /reports/channels: per channel won, lost, win rate, revenue won, open pipeline and registrations', async () => {
      const response = await get(`/reports/channels?${q2}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: '2026-04-01T00:00:00.000Z',
        to: '2026-07-01T00:00:00.000Z',
        channels: [
          {
            // dealer-u's registration: reporting knows no channel of the dealer, and no deal of it.
            channelId: 'dealer',
            ...noDeals,
            registrations: registrations({ submitted: 1, conflicted: 1 }),
          },
          {
            channelId: 'dealer-network',
            won: 2,
            lost: 1,
            winRate: 0.67,
            revenueWon: { EUR: 60_000 },
            openDeals: 1,
            openPipeline: { EUR: 5_000 },
            registrations: dealerAInQ2,
          },
          {
            channelId: 'direct',
            won: 1,
            lost: 0,
            winRate: 1,
            revenueWon: { EUR: 7_000 },
            openDeals: 1,
            openPipeline: { EUR: 3_000 },
            registrations: registrations(),
          },
          {
            channelId: 'retail-partners',
            won: 1,
            lost: 0,
            winRate: 1,
            revenueWon: { EUR: 10_000 },
            openDeals: 0,
            openPipeline: {},
            registrations: dealerBInQ2,
          },
        ],
      });
    });

    it('GET /reports/dealers: plan for the period, attainment, the won deals by the tier in force, registrations', async () => {
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
          registrations: dealerAInQ2,
        },
        expect.objectContaining({
          dealerId: 'dealer-b',
          won: 1,
          plan: null,
          attainment: null,
          wonByTier: [{ tierId: null, deals: 1, revenueWon: { EUR: 10_000 } }],
          registrations: dealerBInQ2,
        }),
        // Known to reporting only by its registration.
        expect.objectContaining({
          dealerId: 'dealer-u',
          channelId: null,
          status: null,
          won: 0,
          registrations: registrations({ submitted: 1, conflicted: 1 }),
        }),
      ]);
      const retail = await get(`/reports/dealers?${q2}&channelId=retail-partners`);
      expect(retail.body.dealers.map((dealer: { dealerId: string }) => dealer.dealerId)).toEqual(['dealer-b']);
    });

    it('counts the registrations submitted in the period where they stand now, every one without a period', async () => {
      const dealerA = async (query: string) =>
        (
          (await get(`/reports/dealers?${query}`)).body.dealers as Array<{ dealerId: string; registrations: unknown }>
        ).find((dealer) => dealer.dealerId === 'dealer-a')?.registrations;
      // The March registration, won in April, counts in March however late it ended.
      expect(await dealerA('from=2026-03-01&to=2026-04-01')).toEqual(
        registrations({ submitted: 1, accepted: 1, won: 1, winRate: 1 }),
      );
      expect(await dealerA('')).toEqual(
        registrations({
          submitted: 7,
          accepted: 5,
          conflicted: 1,
          awaitingAnswer: 1,
          won: 2,
          lost: 1,
          lapsed: 1,
          open: 1,
          winRate: 0.5,
        }),
      );
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
        ['/reports/dealers?from=2026-04-01&to=2026-04-01', 'to'],
        ['/reports/channels?channelId=dealer-network', 'channelId'],
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
      expect(channels.body.channels).toEqual([
        expect.objectContaining({ channelId: 'dealer-network', won: 2, registrations: dealerAInQ2 }),
      ]);
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
      expect(dealers.body.dealers).toEqual([
        expect.objectContaining({
          dealerId: 'dealer-s',
          won: 0,
          winRate: null,
          registrations: registrations({ submitted: 1, accepted: 1, won: 1, winRate: 1 }),
        }),
      ]);
      const channels = await get(`/reports/channels?${q2}`, south);
      expect(channels.body.channels).toEqual([
        expect.objectContaining({
          channelId: 'dealer-network',
          registrations: expect.objectContaining({ submitted: 1 }),
        }),
      ]);
      expect((await get('/reports/dealers/dealer-a/deals', south)).body.deals).toEqual([]);
    });
  });
}
