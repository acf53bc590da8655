import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { silentLogger } from '@salesos/messaging';
import { asUser, testAuth } from '@salesos/auth/testing';
import type { DataSource } from 'typeorm';
import type { IntegrationEvent } from '@salesos/contracts';
import { mapChannelsIntegrationEvents } from '../../services/channels/src';
import { mapLeadsIntegrationEvents } from '../../services/leads/src';
import { createReportingApp, openReportingDatabase, replay } from '../../services/reporting/src';
import { type DemoDivision, demoDealerIds, demoDivisions } from './demo-company';
import { type DemoCompany, seedDemoCompany } from './seed-demo-company';
import { seedDemoData } from './seed-demo-data';

jest.setTimeout(120_000);

const end = new Date('2026-11-27T00:00:00.000Z');

interface Stage {
  pipelineId: string;
  stageId: string;
  count: number;
  value: Record<string, number>;
  weightedValue: Record<string, number>;
}

/** Reporting over published events: its read models replayed from them, and its API on them. */
async function reportsOver(published: readonly IntegrationEvent[]) {
  const dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
  await replay(dataSource, published);
  const app = await createReportingApp({ auth: testAuth.verifier, dataSource, logger: silentLogger });
  await app.init();
  return { dataSource, app };
}

/**
 * The demo company's deals, published as the leads service publishes them and projected by reporting: the pipeline
 * as of now is the pipeline now, in every division, for every rep's deals.
 */
describe.each([
  { seed: 42, months: 12, leadsPerMonth: 70 },
  { seed: 7, months: 4, leadsPerMonth: 40 },
])('the demo data of seed $seed ($months months) in the reports', (plan) => {
  let dataSource: DataSource;
  let app: INestApplication;
  const reps = new Map<string, Set<string>>();

  beforeAll(async () => {
    const store = new MemoryEventStore();
    await seedDemoData(store, { ...plan, end });
    const stored = (await store.readAll({ maxCount: 1_000_000 })).events;
    const published = stored.flatMap(mapLeadsIntegrationEvents);
    for (const event of published) {
      const owner = (event.data as { ownerRepId?: string }).ownerRepId;
      if (event.type.endsWith('OpportunityOpened.v1') && owner !== undefined) {
        reps.set(event.divisionId ?? '', (reps.get(event.divisionId ?? '') ?? new Set()).add(owner));
      }
    }
    ({ dataSource, app } = await reportsOver(published));
  });

  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
  });

  const pipeline = async (divisionId: string, query: string): Promise<{ deals: number; stages: Stage[] }> => {
    const response = await request(app.getHttpServer() as Server)
      .get(`/reports/pipeline${query}`)
      .set({ ...asUser('director-1', 'sales-director', divisionId), 'X-Division-Id': divisionId });
    expect(response.status).toBe(200);
    const { deals, stages } = response.body as { deals: number; stages: Stage[] };
    return { deals, stages };
  };

  it.each(['machines', 'medical', 'services'])('%s: the pipeline as of now is the pipeline now', async (division) => {
    const now = encodeURIComponent(new Date().toISOString());
    const current = await pipeline(division, '');
    expect(current.deals).toBeGreaterThan(10);
    expect(await pipeline(division, `?asOf=${now}`)).toEqual(current);
    expect(await pipeline(division, `?asOf=${now}&basis=believed`)).toEqual(current);
    const owners = [...(reps.get(division) ?? [])];
    expect(owners.length).toBeGreaterThan(5);
    for (const owner of owners) {
      const mine = await pipeline(division, `?ownerRepId=${owner}`);
      expect({ owner, ...(await pipeline(division, `?ownerRepId=${owner}&asOf=${now}`)) }).toEqual({ owner, ...mine });
    }
  });
});

const divisionOf = (divisionId: string): DemoDivision =>
  demoDivisions.find((division) => division.divisionId === divisionId) as DemoDivision;

/** Sums amounts by key. */
function add(totals: Map<string, number>, key: string, amount: number): void {
  totals.set(key, (totals.get(key) ?? 0) + amount);
}

/**
 * The demo company's dealers, seeded through the channels service around a quarter of the leads seed, published
 * as both services publish and projected by reporting: each dealer's plan for the year beside what it won.
 */
describe("the demo dealers' plans against their deals in the reports", () => {
  let dataSource: DataSource;
  let app: INestApplication;
  let published: IntegrationEvent[];
  let channels: DemoCompany['channels'];

  beforeAll(async () => {
    const store = new MemoryEventStore();
    ({ channels } = await seedDemoCompany(store, { seed: 42, months: 3, leadsPerMonth: 30, end }));
    const stored = (await store.readAll({ maxCount: 1_000_000 })).events;
    published = stored.flatMap((event) => [
      ...mapLeadsIntegrationEvents(event),
      ...mapChannelsIntegrationEvents(event),
    ]);
    ({ dataSource, app } = await reportsOver(published));
  });

  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
  });

  it.each(['machines', 'medical', 'services'])(
    "%s: every dealer's plan for the year as last set, its revenue as the leads service won it, and attainment",
    async (division) => {
      const of = (type: string) =>
        published.filter((event) => event.type.endsWith(`.${type}.v1`) && event.divisionId === division);
      const plans = new Map<string, number>();
      for (const { data } of of('DealerPlanSet')) {
        const plan = data as { dealerId: string; period: string; value: { amount: number } };
        if (plan.period === '2026') plans.set(plan.dealerId, plan.value.amount);
      }
      const won = new Map<string, number>();
      for (const { data } of of('OpportunityWon')) {
        const deal = data as { dealerId?: string; amount: { amount: number }; wonAt: string };
        if (deal.dealerId !== undefined && deal.wonAt.startsWith('2026')) add(won, deal.dealerId, deal.amount.amount);
      }
      const response = await request(app.getHttpServer() as Server)
        .get('/reports/dealers?from=2026-01-01&to=2027-01-01')
        .set({ ...asUser('director-1', 'sales-director', division), 'X-Division-Id': division });
      expect(response.status).toBe(200);
      const dealers = (
        response.body as {
          dealers: Array<{
            dealerId: string;
            revenueWon: Record<string, number>;
            plan: { value: Record<string, number> } | null;
            attainment: number | null;
          }>;
        }
      ).dealers;
      // The leads seed's dealer deals go to the division's roster, the dealers the channels seed onboarded there; the
      // ones still applying are not dealers yet.
      const roster = demoDealerIds(divisionOf(division));
      const onboarded = channels.dealers.filter(
        (dealer) => dealer.divisionId === division && roster.includes(dealer.dealerId),
      );
      expect(onboarded).toHaveLength(roster.length);
      expect(dealers.map((dealer) => dealer.dealerId).sort()).toEqual([...roster].sort());
      const { currency } = divisionOf(division);
      for (const dealer of dealers) {
        const planned = plans.get(dealer.dealerId);
        const revenue = won.get(dealer.dealerId);
        expect({ dealerId: dealer.dealerId, plan: dealer.plan?.value ?? null, revenueWon: dealer.revenueWon }).toEqual({
          dealerId: dealer.dealerId,
          plan: planned === undefined ? null : { [currency]: planned },
          revenueWon: revenue === undefined ? {} : { [currency]: revenue },
        });
      }
      const measured = dealers.filter((dealer) => dealer.plan !== null && (dealer.attainment ?? 0) > 0);
      expect(measured.length).toBeGreaterThan(0);
    },
  );
});
