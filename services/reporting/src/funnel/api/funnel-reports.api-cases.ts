import { type ReportingEngine, salesStoryApi } from '../../testing';
import { asUser } from '@salesos/auth/testing';

const north = asUser('analyst-1', 'analyst', 'north');

/** The funnel reports API's cases, figures computed by hand from the sales story; run on each engine. */
export function describeFunnelReportsApi(engine: ReportingEngine): void {
  describe(`funnel reports API on ${engine} (figures computed by hand from the sales story)`, () => {
    const { get } = salesStoryApi(engine, north);

    it('GET /reports/funnel: lead -> qualified -> opportunity -> won, with the rate of each step', async () => {
      const response = await get('/reports/funnel');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        groupBy: 'none',
        groups: [
          {
            group: 'all',
            captured: 4,
            qualified: 2,
            converted: 2,
            won: 1,
            qualificationRate: 0.5,
            conversionRate: 1,
            wonPerConverted: 0.5,
            leadToWinRate: 0.25,
            wonValue: { EUR: 12000 },
          },
        ],
      });
    });

    it('GET /reports/funnel?groupBy=source|segment, and by period', async () => {
      const bySource = await get('/reports/funnel?groupBy=source');
      expect(
        bySource.body.groups.map((group: { group: string; captured: number; won: number }) => [
          group.group,
          group.captured,
          group.won,
        ]),
      ).toEqual([
        ['event', 1, 0],
        ['referral', 1, 1],
        ['web', 2, 0],
      ]);
      const bySegment = await get('/reports/funnel?groupBy=segment');
      expect(
        bySegment.body.groups.map((group: { group: string; captured: number; converted: number }) => [
          group.group,
          group.captured,
          group.converted,
        ]),
      ).toEqual([
        ['(none)', 1, 0],
        ['S1', 2, 2],
        ['S2', 1, 0],
      ]);
      const february = await get('/reports/funnel?from=2026-02-01&to=2026-03-01');
      expect(february.body.groups[0]).toMatchObject({ captured: 1, qualified: 0, qualificationRate: 0 });
      const nothing = await get('/reports/funnel?from=2025-01-01&to=2025-02-01');
      expect(nothing.body.groups).toEqual([]);
      const southFunnel = await get('/reports/funnel', asUser('analyst-1', 'analyst', 'south'));
      expect(southFunnel.body.groups).toEqual([]);
    });

    it('GET /reports/funnel?teamId=: the leads routed to a team', async () => {
      const response = await get('/reports/funnel?teamId=team-a');
      expect(response.body.groups).toEqual([
        expect.objectContaining({
          group: 'all',
          captured: 1,
          qualified: 1,
          converted: 1,
          won: 1,
          wonValue: { EUR: 12000 },
        }),
      ]);
      expect((await get('/reports/funnel?teamId=team-b')).body.groups).toEqual([
        expect.objectContaining({ captured: 1, converted: 1, won: 0 }),
      ]);
    });

    it('GET /reports/lead-sources: ranked by conversion into wins, then by won value', async () => {
      const response = await get('/reports/lead-sources');
      expect(
        response.body.sources.map((source: { group: string; leadToWinRate: number }) => [
          source.group,
          source.leadToWinRate,
        ]),
      ).toEqual([
        ['referral', 1],
        ['event', 0],
        ['web', 0],
      ]);
      expect(response.body.sources[0].wonValue).toEqual({ EUR: 12000 });
    });

    it.each([
      ['/reports/funnel?groupBy=rep', 'groupBy'],
      ['/reports/funnel?from=last-week', 'from'],
      ['/reports/lead-sources?source=', 'source'],
      ['/reports/lead-sources?campaign=spring', 'campaign'],
    ])('refuses %s naming %s', async (path, field) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });
}
