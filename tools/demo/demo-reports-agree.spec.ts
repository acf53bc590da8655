import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { silentLogger } from '@salesos/messaging';
import { asUser, testAuth } from '@salesos/auth/testing';
import type { DataSource } from 'typeorm';
import { mapLeadsIntegrationEvents } from '../../services/leads/src';
import { createReportingApp, openReportingDatabase, replay } from '../../services/reporting/src';
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
    dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    await replay(dataSource, published);
    app = await createReportingApp({ auth: testAuth.verifier, dataSource, logger: silentLogger });
    await app.init();
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
