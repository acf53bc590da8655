import { type ReportingEngine, salesStoryApi } from '../../testing';
import { asUser } from '@salesos/auth/testing';

const north = { ...asUser('director-1', 'sales-director', 'north'), 'X-Division-Id': 'north' };

/** The pipeline reports API's cases, figures computed by hand from the sales story; run on each engine. */
export function describePipelineReportsApi(engine: ReportingEngine): void {
  describe(`pipeline reports API on ${engine} (figures computed by hand from the sales story)`, () => {
    const { get } = salesStoryApi(engine, north);

    it('GET /reports/pipeline: open deals by stage, with value and weighted value', async () => {
      const response = await get('/reports/pipeline');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        deals: 2,
        stages: [
          {
            pipelineId: 'new-business',
            stageId: 'prospecting',
            probability: 0.1,
            count: 1,
            value: { EUR: 5000 },
            weightedValue: { EUR: 500 },
          },
          {
            pipelineId: 'new-business',
            stageId: 'negotiation',
            probability: 0.75,
            count: 1,
            value: { EUR: 40000 },
            weightedValue: { EUR: 30000 },
          },
        ],
      });
      expect((await get('/reports/pipeline?channel=dealer&dealerId=dealer-1')).body.deals).toBe(1);
      expect((await get('/reports/pipeline?productId=press-200')).body.deals).toBe(1);
      expect((await get('/reports/pipeline', { ...north, 'X-Division-Id': 'south' })).body.stages).toEqual([
        {
          pipelineId: 'new-business',
          stageId: 'prospecting',
          probability: 0.1,
          count: 1,
          value: { EUR: 99999 },
          weightedValue: { EUR: 9999.9 },
        },
      ]);
    });

    it('GET /reports/pipeline?asOf=: as known now, and as believed then', async () => {
      const known = await get('/reports/pipeline?asOf=2026-01-31T00:00:00Z');
      expect(known.body).toEqual({
        asOf: '2026-01-31T00:00:00.000Z',
        basis: 'known',
        deals: 2,
        stages: [
          {
            pipelineId: 'new-business',
            stageId: 'qualification',
            probability: 0.2,
            count: 1,
            value: { EUR: 10000 },
            weightedValue: { EUR: 2000 },
          },
          {
            pipelineId: 'new-business',
            stageId: 'proposal',
            probability: 0.5,
            count: 1,
            value: { EUR: 25000 },
            weightedValue: { EUR: 12500 },
          },
        ],
      });
      const believed = await get('/reports/pipeline?asOf=2026-01-31T00:00:00Z&basis=believed');
      expect(believed.body.stages[1]).toMatchObject({
        stageId: 'proposal',
        value: { EUR: 20000 },
        weightedValue: { EUR: 10000 },
      });
      expect((await get('/reports/pipeline?asOf=2025-12-31T00:00:00Z')).body).toMatchObject({ deals: 0, stages: [] });
    });

    it('GET /reports/pipeline?asOf=: follows reopened deals and closes recorded late', async () => {
      const east = { ...north, 'X-Division-Id': 'east' };
      const stages = async (query: string) =>
        (
          (await get(`/reports/pipeline${query}`, east)).body.stages as Array<{
            stageId: string;
            count: number;
            value: Record<string, number>;
          }>
        ).map(({ stageId, count, value }) => ({ stageId, count, value }));
      // E1 lost on the 10th, E2 won on the 10th and reopened on the 12th, E3 lost on the 10th (recorded the 20th).
      expect(await stages('?asOf=2026-01-15T00:00:00Z')).toEqual([
        { stageId: 'proposal', count: 1, value: { EUR: 2000 } },
      ]);
      expect(await stages('?asOf=2026-01-15T00:00:00Z&basis=believed')).toEqual([
        { stageId: 'prospecting', count: 1, value: { EUR: 3000 } },
        { stageId: 'proposal', count: 1, value: { EUR: 2000 } },
      ]);
      // E1 reopened on the 20th; E2 won again on the 30th.
      expect(await stages('?asOf=2026-01-25T00:00:00Z')).toEqual([
        { stageId: 'qualification', count: 1, value: { EUR: 1000 } },
        { stageId: 'proposal', count: 1, value: { EUR: 2000 } },
      ]);
      expect(await stages('?asOf=2026-02-15T00:00:00Z')).toEqual([
        { stageId: 'qualification', count: 1, value: { EUR: 1000 } },
      ]);
      expect(await stages('')).toEqual([{ stageId: 'qualification', count: 1, value: { EUR: 1000 } }]);
    });

    it('GET /reports/outcomes: a deal closed, reopened and closed again counts once, by its last close', async () => {
      const east = { ...north, 'X-Division-Id': 'east' };
      // E1 lost and reopened (open now); E2 opened on 5 January, won, reopened and won again on the 30th; E3 lost.
      expect((await get('/reports/outcomes', east)).body).toMatchObject({
        won: 1,
        lost: 1,
        wonValue: { EUR: 2500 },
        medianSalesCycleDays: 25,
        openDeals: 1,
      });
      expect((await get('/reports/outcomes?to=2026-01-20', east)).body).toMatchObject({ won: 0, lost: 1 });
    });

    it('GET /reports/outcomes: win rate, deal size, sales cycle and velocity of the period', async () => {
      const response = await get('/reports/outcomes?from=2026-02-01&to=2026-03-01');
      expect(response.body).toEqual({
        won: 1,
        lost: 1,
        winRate: 0.5,
        wonValue: { EUR: 12000 },
        averageDealSize: { EUR: 12000 },
        medianSalesCycleDays: 30,
        pipelineVelocityPerDay: { EUR: 400 },
        openDeals: 2,
      });
      expect((await get('/reports/outcomes?from=2026-01-01&to=2026-02-01')).body).toMatchObject({ won: 0, lost: 0 });
      // Up to 15 February: O1 won; O2 (lost on the 20th), O3 and O4 were open when the period ended.
      expect((await get('/reports/outcomes?from=2026-02-01&to=2026-02-15')).body).toEqual({
        won: 1,
        lost: 0,
        winRate: 1,
        wonValue: { EUR: 12000 },
        averageDealSize: { EUR: 12000 },
        medianSalesCycleDays: 30,
        pipelineVelocityPerDay: { EUR: 1200 },
        openDeals: 3,
      });
      expect((await get('/reports/outcomes?ownerRepId=rep-2')).body).toMatchObject({ won: 0, lost: 1, winRate: 0 });
      // O1 came from L1, routed to team-a; O2 from L2, routed to team-b.
      expect((await get('/reports/outcomes?teamId=team-a')).body).toMatchObject({ won: 1, lost: 0, winRate: 1 });
      expect((await get('/reports/outcomes?teamId=team-b')).body).toMatchObject({ won: 0, lost: 1, winRate: 0 });
      expect(
        (await get('/reports/deals?teamId=team-a')).body.items.map(
          (deal: { opportunityId: string }) => deal.opportunityId,
        ),
      ).toEqual(['O1']);
      expect((await get('/reports/pipeline?teamId=team-c')).body).toEqual({ stages: [], deals: 0 });
    });

    it('GET /reports/stages: dwell times, transition matrix with backward moves, and bottlenecks', async () => {
      const response = await get('/reports/stages');
      expect(response.body.dwell).toEqual([
        {
          pipelineId: 'new-business',
          stageId: 'proposal',
          exits: 2,
          averageDays: 10,
          medianDays: 10,
          forward: 0,
          backward: 1,
          won: 1,
          lost: 0,
        },
        {
          pipelineId: 'new-business',
          stageId: 'prospecting',
          exits: 3,
          averageDays: 8,
          medianDays: 9,
          forward: 3,
          backward: 0,
          won: 0,
          lost: 0,
        },
        {
          pipelineId: 'new-business',
          stageId: 'qualification',
          exits: 2,
          averageDays: 13,
          medianDays: 13,
          forward: 1,
          backward: 0,
          won: 0,
          lost: 1,
        },
      ]);
      expect(response.body.transitions).toContainEqual({
        pipelineId: 'new-business',
        fromStage: 'proposal',
        toStage: 'qualification',
        direction: 'backward',
        count: 1,
      });
      expect(response.body.transitions).toHaveLength(7);
      expect(response.body.bottlenecks.map((stage: { stageId: string }) => stage.stageId)).toEqual([
        'qualification',
        'proposal',
        'prospecting',
      ]);
      const february = await get('/reports/stages?from=2026-02-05');
      expect(february.body.transitions.map((move: { toStage: string }) => move.toStage).sort()).toEqual([
        'lost',
        'negotiation',
        'won',
      ]);
    });

    it('GET /reports/key-customers: by won value in the period and by open pipeline', async () => {
      const response = await get('/reports/key-customers?from=2026-02-01&limit=5');
      expect(response.body).toEqual({
        byWonValue: [{ accountName: 'Acme', deals: 1, value: { EUR: 12000 } }],
        byOpenPipeline: [
          { accountName: 'Cogs', deals: 1, value: { EUR: 40000 } },
          { accountName: 'Acme', deals: 1, value: { EUR: 5000 } },
        ],
      });
      expect((await get('/reports/key-customers?limit=1')).body.byOpenPipeline).toHaveLength(1);
    });

    it('GET /reports/deals: the deals behind a figure, paged, by expected close date', async () => {
      const open = await get('/reports/deals?status=open');
      expect(open.body).toMatchObject({ page: 1, pageSize: 50, total: 2 });
      expect(open.body.items.map((deal: { opportunityId: string }) => deal.opportunityId)).toEqual(['O4', 'O3']);
      const negotiation = await get('/reports/deals?stageId=negotiation');
      expect(negotiation.body.items).toEqual([
        expect.objectContaining({
          opportunityId: 'O3',
          accountName: 'Cogs',
          amount: 40000,
          channel: 'dealer',
          dealerId: 'dealer-1',
        }),
      ]);
      const won = await get('/reports/deals?status=won&from=2026-02-01&to=2026-03-01');
      expect(won.body.items).toEqual([
        expect.objectContaining({ opportunityId: 'O1', source: 'referral', segmentIds: ['S1'] }),
      ]);
      expect((await get('/reports/deals?page=2&pageSize=1&status=open')).body.items).toHaveLength(1);
    });

    it.each([
      ['/reports/pipeline?from=2026-02-01', ['from']],
      ['/reports/pipeline?to=2026-03-01', ['to']],
      ['/reports/pipeline?from=2026-02-01&to=2026-03-01&asOf=2026-02-15T00:00:00Z', ['from', 'to']],
      ['/reports/pipeline?from=', ['from']],
    ])('refuses a period for the pipeline, a snapshot: %s', async (path, fields) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors).toEqual(
        fields.map((field) => ({ field, message: expect.stringContaining('not taken by the pipeline') })),
      );
    });

    it.each([
      ['/reports/pipeline?asOf=yesterday', 'asOf'],
      ['/reports/pipeline?basis=believed', 'basis'],
      ['/reports/pipeline?asOf=2026-01-01T00:00:00Z&basis=guessed', 'basis'],
      ['/reports/pipeline?channel=partner', 'channel'],
      ['/reports/pipeline?pipelineId=new business', 'pipelineId'],
      ['/reports/outcomes?from=2026-02-30', 'from'],
      ['/reports/outcomes?from=2026-03-01&to=2026-02-01', 'to'],
      ['/reports/outcomes?source=' + 's'.repeat(61), 'source'],
      ['/reports/stages?segmentId=%27%20OR%201%3D1', 'segmentId'],
      ['/reports/stages?teamId=team%20a', 'teamId'],
      ['/reports/key-customers?limit=0', 'limit'],
      ['/reports/key-customers?limit=many', 'limit'],
      ['/reports/deals?status=pending', 'status'],
      ['/reports/deals?pageSize=201', 'pageSize'],
      ['/reports/deals?sort=amount', 'sort'],
    ])('refuses %s naming %s', async (path, field) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('computes every figure over the rows the caller reaches: own deals, a team, a dealer, a whole division', async () => {
      const outcomes = async (caller: Record<string, string>) => {
        const { won, lost, wonValue } = (await get('/reports/outcomes', caller)).body as Record<string, unknown>;
        return { won, lost, wonValue };
      };
      // O1 (rep-1, from L1 routed to team-a) won; O2 (rep-2, from L2 routed to team-b) lost.
      expect(await outcomes(asUser('rep-1', 'rep', 'north'))).toEqual({ won: 1, lost: 0, wonValue: { EUR: 12000 } });
      expect(await outcomes(asUser('rep-2', 'rep', 'north'))).toEqual({ won: 0, lost: 1, wonValue: {} });
      const teamLead = asUser('lead-b', 'team-lead', 'north', { teams: ['team-b'] });
      expect(await outcomes(teamLead)).toEqual({ won: 0, lost: 1, wonValue: {} });
      // O3 is dealer-1's: its users see that deal and no lead (leads carry no dealer).
      const dealer = asUser('dealer-1-user', 'dealer', 'north', { dealerId: 'dealer-1' });
      expect((await get('/reports/pipeline', dealer)).body).toMatchObject({ deals: 1 });
      expect((await get('/reports/funnel', dealer)).body.groups).toEqual([]);
      expect(
        (await get('/reports/deals', dealer)).body.items.map((deal: { opportunityId: string }) => deal.opportunityId),
      ).toEqual(['O3']);
      // A division manager's figures are the division's, as the director sees them there.
      const manager = asUser('manager-north', 'division-manager', 'north');
      for (const path of ['/reports/pipeline', '/reports/outcomes', '/reports/stages', '/reports/funnel']) {
        expect((await get(path, manager)).body).toEqual((await get(path)).body);
      }
      expect((await get('/reports/funnel', asUser('rep-1', 'rep', 'north'))).body.groups).toEqual([
        expect.objectContaining({ captured: 1, won: 1 }),
      ]);
    });

    it('refuses a caller without a token, and a director who names no division', async () => {
      const response = await get('/reports/pipeline', {});
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const unnamed = await get('/reports/pipeline', asUser('director-1', 'sales-director', 'north'));
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.errors).toEqual([expect.objectContaining({ field: 'X-Division-Id' })]);
    });
  });
}
