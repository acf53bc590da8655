import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { asUser, testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import request from 'supertest';
import { createChannelsApp, openChannelsDatabase } from '../../services/channels/src';
import { demoDealerIds, demoDivisions } from './demo-company';
import { type DemoChannelsResult, seedDemoChannels } from './seed-demo-channels';

jest.setTimeout(60_000);

const end = new Date('2026-11-27T00:00:00.000Z');

async function seeded(seed: number, at: Date | undefined = end) {
  const store = new MemoryEventStore();
  const started = Date.now();
  const result = await seedDemoChannels(store, { seed, ...(at === undefined ? {} : { end: at }) });
  const events = (await store.readAll({ maxCount: 100_000 })).events;
  return { store, result, events, ms: Date.now() - started };
}

function fingerprint(events: Awaited<ReturnType<typeof seeded>>['events']): string {
  const hash = createHash('sha256');
  for (const event of events) {
    hash.update(
      JSON.stringify([
        event.metadata.streamId,
        event.type,
        event.data,
        event.metadata.eventId,
        event.metadata.occurredAt,
      ]),
    );
  }
  return hash.digest('hex');
}

describe('demo channels', () => {
  it('writes the same events and ids for the same seed, other ones for another seed, in well under a few seconds', async () => {
    const first = await seeded(42);
    const again = await seeded(42);
    const other = await seeded(7);
    expect(fingerprint(again.events)).toBe(fingerprint(first.events));
    expect(again.result).toEqual(first.result);
    expect(fingerprint(other.events)).not.toBe(fingerprint(first.events));
    expect(first.events.length).toBeGreaterThan(500);
    expect(first.ms).toBeLessThan(10_000);
  });

  it("seeds each division's roster of dealers (the ones the leads seed's deals name) in that division, every lifecycle state in each", async () => {
    const { result } = await seeded(42);
    for (const division of demoDivisions) {
      const dealers = result.dealers.filter((dealer) => dealer.divisionId === division.divisionId);
      const roster = demoDealerIds(division);
      expect(roster.every((dealerId) => dealers.some((dealer) => dealer.dealerId === dealerId))).toBe(true);
      expect(new Set(dealers.map((dealer) => dealer.status))).toEqual(
        new Set(['applied', 'onboarding', 'active', 'suspended', 'terminated', 'rejected']),
      );
      const tiers = new Set(dealers.filter((dealer) => dealer.status === 'active').map((dealer) => dealer.tierId));
      expect(tiers).toEqual(new Set(['bronze', 'silver', 'gold']));
    }
    const ids = result.dealers.map((dealer) => dealer.dealerId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('over the API', () => {
    let app: INestApplication;
    let result: DemoChannelsResult;
    const today = new Date().toISOString().slice(0, 10);

    beforeAll(async () => {
      // Seeded up to today, as `npm start` does, so that "expiring" and "overdue" are judged on the seed's own day.
      const seed = await seeded(42, undefined);
      result = seed.result;
      const database = await openChannelsDatabase({ kind: 'sqlite', filename: ':memory:' });
      app = await createChannelsApp({ auth: testAuth.verifier, store: seed.store, database, ownsDatabase: true });
      await app.init();
      const { channelsViewsCaughtUp } = await import('../../services/channels/src');
      expect(await channelsViewsCaughtUp(app, 30_000)).toBe(true);
    });

    afterAll(() => app.close());

    const as = (divisionId: string) => ({
      ...asUser('director-1', 'sales-director', divisionId),
      'X-Division-Id': divisionId,
    });

    it('answers every seeded dealer in its division on GET /dealers, each in its seeded state', async () => {
      for (const division of demoDivisions) {
        const response = await request(app.getHttpServer() as Server)
          .get('/dealers?pageSize=200')
          .set(as(division.divisionId));
        expect(response.status).toBe(200);
        const listed = (response.body as { items: Array<{ dealerId: string; status: string }> }).items
          .map((dealer) => ({ dealerId: dealer.dealerId, status: dealer.status }))
          .sort((a, b) => a.dealerId.localeCompare(b.dealerId));
        const seededHere = result.dealers
          .filter((dealer) => dealer.divisionId === division.divisionId)
          .map((dealer) => ({ dealerId: dealer.dealerId, status: dealer.status }))
          .sort((a, b) => a.dealerId.localeCompare(b.dealerId));
        expect(listed).toEqual(seededHere);
        const channels = await request(app.getHttpServer() as Server)
          .get('/channels')
          .set(as(division.divisionId));
        expect(channels.status).toBe(200);
      }
    });

    it('holds one agreement expiring within 60 days, overdue follow-ups, a confirmed review and fund requests in every state', async () => {
      const http = () => request(app.getHttpServer() as Server);
      const expiring = await http().get('/agreements?expiringWithinDays=60').set(as('machines'));
      expect(expiring.status).toBe(200);
      expect((expiring.body as { total: number }).total).toBe(1);
      const overdue = await http().get(`/contacts/follow-ups/overdue?today=${today}`).set(as('machines'));
      expect(overdue.status).toBe(200);
      expect((overdue.body as { total: number }).total).toBeGreaterThan(0);
      const tier = await http().get('/dealers/dealer-1/tier').set(as('machines'));
      expect(tier.status).toBe(200);
      const record = tier.body as { tier: { tierId: string }; reviews: Array<{ status: string; tierId: string }> };
      expect(record.tier.tierId).toBe('silver');
      expect(record.reviews).toEqual([expect.objectContaining({ status: 'confirmed', tierId: 'silver' })]);
      const funds = await http().get(`/dealers/dealer-1/funds/${result.fundPeriod}`).set(as('machines'));
      expect(funds.status).toBe(200);
      const statuses = new Set(
        (funds.body as { requests: Array<{ status: string }> }).requests.map((fundRequest) => fundRequest.status),
      );
      expect(statuses).toEqual(new Set(['requested', 'approved', 'rejected', 'claimed', 'paid']));
    });
  });
});
