import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { asUser, testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import request from 'supertest';
import { channelsViewsCaughtUp, createChannelsApp, openChannelsDatabase } from '../../services/channels/src';
import { demoDealerIds, demoDivisions } from './demo-company';
import { type DemoCompany, seedDemoCompany } from './seed-demo-company';

jest.setTimeout(60_000);

const end = new Date('2026-11-27T00:00:00.000Z');

/**
 * The channels and their dealers, a quarter of the sales, then the dealers' plans and registrations, as `npm start`
 * seeds them (the channels' two stages timed).
 */
async function seeded(seed: number, at: Date | undefined = end) {
  const store = new MemoryEventStore();
  const { channels: result, channelsMs: ms } = await seedDemoCompany(store, {
    seed,
    months: 3,
    leadsPerMonth: 30,
    ...(at === undefined ? {} : { end: at }),
  });
  const events = (await store.readAll({ maxCount: 100_000 })).events;
  return { store, result, events, ms };
}

/** The channels service over a seeded store, its views caught up with every seeded event. */
async function channelsOver(store: MemoryEventStore): Promise<INestApplication> {
  const database = await openChannelsDatabase({ kind: 'sqlite', filename: ':memory:' });
  const app = await createChannelsApp({ auth: testAuth.verifier, store, database, ownsDatabase: true });
  await app.init();
  expect(await channelsViewsCaughtUp(app, 30_000)).toBe(true);
  return app;
}

const as = (divisionId: string) => ({
  ...asUser('director-1', 'sales-director', divisionId),
  'X-Division-Id': divisionId,
});

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

  it("seeds each division's roster of dealers (the ones the leads seed's deals may go to) in that division, every lifecycle state in each", async () => {
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
    let result: DemoCompany['channels'];
    const today = new Date().toISOString().slice(0, 10);

    beforeAll(async () => {
      // Seeded up to today, as `npm start` does, so that "expiring" and "overdue" are judged on the seed's own day.
      const seed = await seeded(42, undefined);
      result = seed.result;
      app = await channelsOver(seed.store);
    });

    afterAll(() => app.close());

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

  describe('plans and deal registrations, seeded up to a fixed day', () => {
    let app: INestApplication;
    let result: DemoCompany['channels'];
    const http = () => request(app.getHttpServer() as Server);

    beforeAll(async () => {
      const seed = await seeded(42);
      result = seed.result;
      app = await channelsOver(seed.store);
    });

    afterAll(() => app.close());

    it("sets this year's plan of every dealer that sells, some of them revised, each revision kept with its reason", async () => {
      expect(result.planPeriod).toBe('2026');
      let revised = 0;
      for (const division of demoDivisions) {
        const plans = await http().get('/plans?period=2026&pageSize=100').set(as(division.divisionId));
        expect(plans.status).toBe(200);
        const items = (plans.body as { items: Array<{ dealerId: string; revision: number; planValue: unknown }> })
          .items;
        const selling = result.dealers.filter(
          (dealer) =>
            dealer.divisionId === division.divisionId && (dealer.status === 'active' || dealer.status === 'suspended'),
        );
        expect(items.map((plan) => plan.dealerId).sort()).toEqual(selling.map((dealer) => dealer.dealerId).sort());
        for (const plan of items.filter((item) => item.revision > 1)) {
          const history = await http().get(`/dealers/${plan.dealerId}/plans/2026`).set(as(division.divisionId));
          expect(history.status).toBe(200);
          const revisions = (history.body as { revisions: Array<{ revision: number; value: unknown; reason: string }> })
            .revisions;
          expect(revisions.map((revision) => revision.revision)).toEqual(
            Array.from({ length: plan.revision }, (_, index) => index + 1),
          );
          expect(revisions.at(-1)?.value).toEqual(plan.planValue);
          for (const { reason } of revisions.slice(1)) {
            expect(reason).toMatch(/^(Mid-year|Autumn) review: (lowered|raised), /);
          }
          revised += plan.revision - 1;
        }
      }
      expect(result.plans).toBe(33);
      expect(revised).toBe(result.planRevisions);
      expect(revised).toBeGreaterThanOrEqual(6);
    });

    it('holds registrations accepted, in conflict, lapsed, won and lost in every division, as the leads service answered them', async () => {
      for (const division of demoDivisions) {
        for (const status of ['accepted', 'conflicted', 'lapsed', 'won', 'lost'] as const) {
          const listed = await http().get(`/registrations?status=${status}`).set(as(division.divisionId));
          expect(listed.status).toBe(200);
          const ids = (listed.body as { items: Array<{ registrationId: string }> }).items.map(
            (registration) => registration.registrationId,
          );
          const seededHere = result.registrations.filter(
            (registration) => registration.divisionId === division.divisionId && registration.status === status,
          );
          expect(seededHere.length).toBeGreaterThan(0);
          expect(ids.sort()).toEqual(seededHere.map((registration) => registration.registrationId).sort());
        }
      }
    });

    it('names what came first in a conflict, lapses 90 days after the answer, and follows a won deal into the plan', async () => {
      const read = async (registrationId: string) => {
        const response = await http().get(`/registrations/${registrationId}`).set(as('machines'));
        expect(response.status).toBe(200);
        return response.body as {
          dealerId: string;
          answer: { rule: string; decidedAt: string };
          estimatedValue: { amount: number };
          opportunityId?: string;
          stage?: string;
          closedAt?: string;
          lapseDueAt?: string;
        };
      };
      const inMachines = (status: string) =>
        result.registrations.filter(
          (registration) => registration.divisionId === 'machines' && registration.status === status,
        );
      const conflicts = await Promise.all(inMachines('conflicted').map((one) => read(one.registrationId)));
      for (const conflict of conflicts) expect(conflict.answer.rule).toMatch(/^first come/);
      // One came after an open lead of the company, one after an open deal.
      expect(conflicts.map((conflict) => conflict.answer)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ conflictingLeadIds: [expect.any(String)], conflictingOpportunityIds: [] }),
          expect.objectContaining({ conflictingLeadIds: [], conflictingOpportunityIds: [expect.any(String)] }),
        ]),
      );
      for (const lapsed of inMachines('lapsed')) {
        const registration = await read(lapsed.registrationId);
        const due = Date.parse(registration.answer.decidedAt) + 90 * 24 * 60 * 60 * 1000;
        expect(registration.closedAt).toBe(new Date(due).toISOString());
      }
      for (const accepted of inMachines('accepted')) {
        expect(Date.parse((await read(accepted.registrationId)).lapseDueAt ?? '')).toBeGreaterThan(end.getTime());
      }
      const [won] = inMachines('won');
      const registration = await read(won?.registrationId ?? '');
      expect(registration.stage).toBe('dealer-commit');
      expect(typeof registration.opportunityId).toBe('string');
      const plan = await http().get(`/dealers/${registration.dealerId}/plans/2026`).set(as('machines'));
      expect((plan.body as { total: { actualValue: { amount: number } } }).total.actualValue.amount).toBe(
        registration.estimatedValue.amount,
      );
      const [lost] = inMachines('lost');
      expect(await read(lost?.registrationId ?? '')).toMatchObject({ stage: 'joint-proposal' });
    });
  });
});
