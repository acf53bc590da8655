import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-06-15T10:00:00Z');
  }
}

type Caller = Record<string, string>;
const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const refused: Caller[] = [
  rep,
  dealerUser,
  asUser('lead-1', 'team-lead', 'north'),
  asUser('analyst-1', 'analyst', 'north'),
];

const criteria = (amount: number, people: number, winRate: number) => ({
  minRevenueLast12Months: { amount, currency: 'EUR' },
  minCertifiedPeople: people,
  minRegistrationWinRate: winRate,
});
const programme = {
  name: 'North partner programme',
  tiers: [
    { tierId: 'silver', name: 'Silver', criteria: criteria(0, 0, 0) },
    { tierId: 'gold', name: 'Gold', criteria: criteria(500_000, 3, 0.3) },
    { tierId: 'platinum', name: 'Platinum', criteria: criteria(2_000_000, 10, 0.5) },
  ],
};
const assignment = { programmeId: 'prog-north', changeId: 'initial', tierId: 'silver', effectiveFrom: '2026-01-01' };
const goldFigures = { revenue12m: { amount: 800_000, currency: 'EUR' }, certifiedPeople: 4, registrationWinRate: 0.4 };
const review = { reviewId: 'review-1', programmeId: 'prog-north', figures: goldFigures };

describe('tiers API: programmes, and the tier each dealer holds over time', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store, clock: new FixedClock() });
    await app.init();
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2' });
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 10_000 })).events.length;
  const tierPath = (dealerId = 'dealer-1') => `/dealers/${dealerId}/tier`;
  const withProgramme = () => http().put('/tier-programmes/prog-north').set(manager).send(programme).expect(200);
  const assigned = async (dealerId = 'dealer-1') => {
    await withProgramme();
    await http()
      .post(`${tierPath(dealerId)}/assignment`)
      .set(manager)
      .send(assignment)
      .expect(201);
  };
  const asOf = async (day: string) => (await http().get(`${tierPath()}?asOf=${day}`).set(rep)).body.tier as unknown;

  describe('tier programmes', () => {
    it('defines a programme that the organisation reads, with its ETag, and no other division sees', async () => {
      const defined = await http()
        .put('/tier-programmes/prog-north')
        .set(manager)
        .set('If-Match', '"0"')
        .send(programme);
      expect(defined.status).toBe(200);
      expect(defined.headers.etag).toBe('"1"');
      expect(defined.body).toMatchObject({ programmeId: 'prog-north', divisionId: 'north', version: 1 });
      const read = await http().get('/tier-programmes/prog-north').set(rep);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body.tiers.map((tier: { tierId: string }) => tier.tierId)).toEqual(['silver', 'gold', 'platinum']);
      const listed = await http()
        .get('/tier-programmes')
        .set(asUser('analyst-1', 'analyst', 'north'));
      expect(listed.body.items).toEqual([expect.objectContaining({ programmeId: 'prog-north' })]);
      const south = asUser('rep-9', 'rep', 'south');
      expect((await http().get('/tier-programmes').set(south)).body.items).toEqual([]);
      expect((await http().get('/tier-programmes/prog-north').set(south)).status).toBe(404);
      expect((await http().get('/tier-programmes/nothing').set(rep)).status).toBe(404);
    });

    it('lets only setup roles define programmes, and keeps them from dealer users', async () => {
      const before = await events();
      for (const caller of refused) {
        expect((await http().put('/tier-programmes/prog-north').set(caller).send(programme)).status).toBe(403);
      }
      expect(await events()).toBe(before);
      await withProgramme();
      expect((await http().get('/tier-programmes').set(dealerUser)).status).toBe(403);
      expect((await http().get('/tier-programmes/prog-north').set(dealerUser)).status).toBe(403);
    });

    it('refuses a stale If-Match with 412, writing nothing', async () => {
      await withProgramme();
      const before = await events();
      const stale = await http()
        .put('/tier-programmes/prog-north')
        .set(manager)
        .set('If-Match', '"0"')
        .send({ ...programme, name: 'Renamed' });
      expect(stale.status).toBe(412);
      expect(await events()).toBe(before);
    });

    const tier = programme.tiers[1] as (typeof programme.tiers)[number];
    it.each([
      ['a missing name', { ...programme, name: undefined }, 'name'],
      ['no tiers', { ...programme, tiers: [] }, 'tiers'],
      ['a tier id that is no id', { ...programme, tiers: [{ ...tier, tierId: 'a b' }] }, 'tiers[0].tierId'],
      ['a tier without name', { ...programme, tiers: [{ ...tier, name: '' }] }, 'tiers[0].name'],
      [
        'a currency that is no code',
        {
          ...programme,
          tiers: [{ ...tier, criteria: { ...tier.criteria, minRevenueLast12Months: { amount: 1, currency: 'eur' } } }],
        },
        'tiers[0].criteria.minRevenueLast12Months.currency',
      ],
      [
        'a negative headcount',
        { ...programme, tiers: [{ ...tier, criteria: { ...tier.criteria, minCertifiedPeople: -1 } }] },
        'tiers[0].criteria.minCertifiedPeople',
      ],
      [
        'a win rate over 1',
        { ...programme, tiers: [{ ...tier, criteria: { ...tier.criteria, minRegistrationWinRate: 2 } }] },
        'tiers[0].criteria.minRegistrationWinRate',
      ],
      [
        'a higher tier asking less',
        { ...programme, tiers: [programme.tiers[1], programme.tiers[0]] },
        'tiers[1].criteria.minRevenueLast12Months',
      ],
      ['a tier listed twice', { ...programme, tiers: [tier, tier] }, 'tiers[1].tierId'],
      ['an unknown field', { ...programme, colour: 'red' }, 'colour'],
    ])('refuses a programme with %s, naming the field', async (_label, body, field) => {
      const before = await events();
      const response = await http().put('/tier-programmes/prog-north').set(manager).send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await http().put('/tier-programmes/a%20b').set(manager).send(programme)).body.errors).toEqual([
        expect.objectContaining({ field: 'programmeId' }),
      ]);
      expect((await http().get('/tier-programmes/a%20b').set(rep)).status).toBe(400);
      expect(await events()).toBe(before);
    });
  });

  describe("a dealer's tier", () => {
    it('answers as of a day: nothing before the first tier, the new tier on a change day, today and the history without a day', async () => {
      await withProgramme();
      const first = await http().post(`${tierPath()}/assignment`).set(manager).set('If-Match', '"0"').send(assignment);
      expect(first.status).toBe(201);
      expect(first.headers.etag).toBe('"1"');
      expect(first.body).toMatchObject({ dealerId: 'dealer-1', programmeId: 'prog-north', tier: { tierId: 'silver' } });

      const proposed = await http().post(`${tierPath()}/reviews`).set(manager).send(review);
      expect(proposed.status).toBe(201);
      expect(proposed.body.reviews).toEqual([
        { reviewId: 'review-1', fromTierId: 'silver', tierId: 'gold', status: 'proposed' },
      ]);
      expect(await asOf('2026-04-01')).toMatchObject({ tierId: 'silver' });
      const confirmed = await http()
        .post(`${tierPath()}/reviews/review-1/confirmation`)
        .set(manager)
        .send({ effectiveFrom: '2026-04-01' });
      expect(confirmed.status).toBe(201);

      expect(await asOf('2025-12-31')).toBeNull();
      expect(await asOf('2026-01-01')).toEqual({ tierId: 'silver', since: '2026-01-01', changeId: 'initial' });
      expect(await asOf('2026-03-31')).toMatchObject({ tierId: 'silver' });
      expect(await asOf('2026-04-01')).toEqual({ tierId: 'gold', since: '2026-04-01', changeId: 'review-1' });
      const whole = await http().get(tierPath()).set(rep);
      expect(whole.status).toBe(200);
      expect(whole.headers.etag).toBe('"3"');
      expect(whole.body).toMatchObject({ today: '2026-06-15', tier: { tierId: 'gold' }, version: 3 });
      expect(whole.body.history).toEqual([
        { changeId: 'initial', tierId: 'silver', effectiveFrom: '2026-01-01' },
        { changeId: 'review-1', tierId: 'gold', effectiveFrom: '2026-04-01' },
      ]);
    });

    it('answers after a correction with the corrected tier from the corrected change day on', async () => {
      await assigned();
      await http().post(`${tierPath()}/reviews`).set(manager).send(review).expect(201);
      await http()
        .post(`${tierPath()}/reviews/review-1/confirmation`)
        .set(manager)
        .send({ effectiveFrom: '2026-04-01' })
        .expect(201);
      const corrected = await http()
        .post(`${tierPath()}/corrections`)
        .set(manager)
        .send({ correctionId: 'fix-1', corrects: 'initial', tierId: 'gold', reason: 'Assigned from the wrong list' });
      expect(corrected.status).toBe(201);
      expect(corrected.body.corrections).toEqual([{ correctionId: 'fix-1', corrects: 'initial', tierId: 'gold' }]);
      expect(await asOf('2025-12-31')).toBeNull();
      expect(await asOf('2026-01-01')).toMatchObject({ tierId: 'gold', changeId: 'initial' });
      expect(await asOf('2026-04-01')).toMatchObject({ tierId: 'gold', changeId: 'review-1' });
      await http()
        .post(`${tierPath()}/corrections`)
        .set(manager)
        .send({ correctionId: 'fix-2', corrects: 'review-1', tierId: 'platinum', reason: 'Figures were wrong' })
        .expect(201);
      expect(await asOf('2026-03-31')).toMatchObject({ tierId: 'gold' });
      expect(await asOf('2026-04-01')).toMatchObject({ tierId: 'platinum' });
    });

    it('rejects a proposal, which then cannot be confirmed, and refuses a change dated before the latest', async () => {
      await assigned();
      await http().post(`${tierPath()}/reviews`).set(manager).send(review).expect(201);
      const rejected = await http()
        .post(`${tierPath()}/reviews/review-1/rejection`)
        .set(manager)
        .send({ reason: 'Revenue includes a one-off order' });
      expect(rejected.status).toBe(201);
      expect(rejected.body.reviews).toEqual([expect.objectContaining({ reviewId: 'review-1', status: 'rejected' })]);
      const late = await http()
        .post(`${tierPath()}/reviews/review-1/confirmation`)
        .set(manager)
        .send({ effectiveFrom: '2026-07-01' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('TIER_REVIEW_CLOSED');
      const back = await http()
        .post(`${tierPath()}/assignment`)
        .set(manager)
        .send({ ...assignment, changeId: 'later', tierId: 'gold', effectiveFrom: '2025-06-01' });
      expect(back.status).toBe(409);
      expect(back.body.code).toBe('TIER_RETROACTIVE_CHANGE');
    });

    it('refuses to assign, review or confirm a tier for a terminated dealer, naming its state and writing nothing', async () => {
      await assigned();
      await http().post(`${tierPath()}/reviews`).set(manager).send(review).expect(201);
      for (const dealerId of ['dealer-1', 'dealer-2']) {
        await http()
          .post(`/dealers/${dealerId}/termination`)
          .set(manager)
          .send({ reason: 'Left the market', effectiveDay: '2026-06-30' })
          .expect(200);
      }
      const before = await events();
      const refusals = [
        await http()
          .post(`${tierPath('dealer-2')}/assignment`)
          .set(manager)
          .send(assignment),
        await http()
          .post(`${tierPath()}/reviews`)
          .set(manager)
          .send({ ...review, reviewId: 'review-2' }),
        await http()
          .post(`${tierPath()}/reviews/review-1/confirmation`)
          .set(manager)
          .send({ effectiveFrom: '2026-07-01' }),
      ];
      for (const refused of refusals) {
        expect(refused.status).toBe(409);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.body).toMatchObject({ code: 'DEALER_INVALID_TRANSITION' });
        expect(refused.body.detail).toMatch(/dealer-[12] is terminated/);
      }
      expect(await events()).toBe(before);
      expect(await asOf('2026-06-01')).toMatchObject({ tierId: 'silver' });
    });

    it("lets a dealer's users read their own tier only; another dealer's reads as not found", async () => {
      await assigned('dealer-1');
      await http()
        .post(`${tierPath('dealer-2')}/assignment`)
        .set(manager)
        .send(assignment)
        .expect(201);
      expect((await http().get(tierPath('dealer-1')).set(dealerUser)).status).toBe(200);
      expect(
        (
          await http()
            .get(`${tierPath('dealer-1')}?asOf=2026-02-01`)
            .set(dealerUser)
        ).status,
      ).toBe(200);
      expect((await http().get(tierPath('dealer-2')).set(dealerUser)).status).toBe(404);
      expect(
        (
          await http()
            .get(tierPath('dealer-1'))
            .set(asUser('rep-9', 'rep', 'south'))
        ).status,
      ).toBe(404);
      expect((await http().get(tierPath('dealer-9')).set(rep)).status).toBe(404);
    });

    it('lets only setup roles change tiers, writing nothing for the others', async () => {
      await assigned();
      await http().post(`${tierPath()}/reviews`).set(manager).send(review).expect(201);
      const before = await events();
      const writes: Array<(caller: Caller) => request.Test> = [
        (caller) =>
          http()
            .post(`${tierPath()}/assignment`)
            .set(caller)
            .send({ ...assignment, changeId: 'x' }),
        (caller) =>
          http()
            .post(`${tierPath()}/reviews`)
            .set(caller)
            .send({ ...review, reviewId: 'review-2' }),
        (caller) =>
          http().post(`${tierPath()}/reviews/review-1/confirmation`).set(caller).send({ effectiveFrom: '2026-07-01' }),
        (caller) => http().post(`${tierPath()}/reviews/review-1/rejection`).set(caller).send({ reason: 'x' }),
        (caller) =>
          http()
            .post(`${tierPath()}/corrections`)
            .set(caller)
            .send({ correctionId: 'fix-1', corrects: 'initial', tierId: 'gold', reason: 'x' }),
      ];
      for (const write of writes) for (const caller of refused) expect((await write(caller)).status).toBe(403);
      expect(await events()).toBe(before);
    });

    it('refuses a stale If-Match on every write with 412, writing nothing', async () => {
      await assigned();
      await http().post(`${tierPath()}/reviews`).set(manager).send(review).expect(201);
      const before = await events();
      const writes: Array<() => request.Test> = [
        () =>
          http()
            .post(`${tierPath()}/assignment`)
            .set(manager)
            .set('If-Match', '"1"')
            .send({ ...assignment, changeId: 'x', tierId: 'gold', effectiveFrom: '2026-08-01' }),
        () => http().post(`${tierPath()}/reviews`).set(manager).set('If-Match', '"1"').send(review),
        () =>
          http()
            .post(`${tierPath()}/reviews/review-1/confirmation`)
            .set(manager)
            .set('If-Match', '"1"')
            .send({ effectiveFrom: '2026-07-01' }),
        () =>
          http()
            .post(`${tierPath()}/reviews/review-1/rejection`)
            .set(manager)
            .set('If-Match', '"1"')
            .send({ reason: 'x' }),
        () =>
          http()
            .post(`${tierPath()}/corrections`)
            .set(manager)
            .set('If-Match', '"1"')
            .send({ correctionId: 'fix-1', corrects: 'initial', tierId: 'gold', reason: 'x' }),
      ];
      for (const write of writes) expect((await write()).status).toBe(412);
      expect(await events()).toBe(before);
    });

    it.each([
      ['assignment', { ...assignment, programmeId: 'a b' }, 'programmeId'],
      ['assignment', { ...assignment, programmeId: 'nothing' }, 'programmeId'],
      ['assignment', { ...assignment, changeId: undefined }, 'changeId'],
      ['assignment', { ...assignment, tierId: 'diamond' }, 'tierId'],
      ['assignment', { ...assignment, effectiveFrom: '2026-02-30' }, 'effectiveFrom'],
      ['assignment', { ...assignment, colour: 'red' }, 'colour'],
      ['reviews', { ...review, reviewId: 'a b' }, 'reviewId'],
      ['reviews', { ...review, programmeId: 'nothing' }, 'programmeId'],
      ['reviews', { ...review, figures: undefined }, 'figures'],
      [
        'reviews',
        { ...review, figures: { ...goldFigures, revenue12m: { amount: 1, currency: 'USD' } } },
        'figures.revenue12m.currency',
      ],
      ['reviews', { ...review, figures: { ...goldFigures, certifiedPeople: 1.5 } }, 'figures.certifiedPeople'],
      ['reviews', { ...review, figures: { ...goldFigures, registrationWinRate: 3 } }, 'figures.registrationWinRate'],
      ['reviews/review-1/confirmation', {}, 'effectiveFrom'],
      ['reviews/review-1/confirmation', { effectiveFrom: 'next week' }, 'effectiveFrom'],
      ['reviews/review-9/confirmation', { effectiveFrom: '2026-07-01' }, 'reviewId'],
      ['reviews/a%20b/confirmation', { effectiveFrom: '2026-07-01' }, 'reviewId'],
      ['reviews/review-1/rejection', {}, 'reason'],
      ['reviews/a%20b/rejection', { reason: 'x' }, 'reviewId'],
      ['corrections', { corrects: 'initial', tierId: 'gold', reason: 'x' }, 'correctionId'],
      ['corrections', { correctionId: 'fix-1', corrects: 'nothing', tierId: 'gold', reason: 'x' }, 'corrects'],
      ['corrections', { correctionId: 'fix-1', corrects: 'initial', tierId: 'diamond', reason: 'x' }, 'tierId'],
      ['corrections', { correctionId: 'fix-1', corrects: 'initial', tierId: 'gold' }, 'reason'],
    ])('refuses POST …/tier/%s with a bad field, naming it and writing nothing', async (suffix, body, field) => {
      await assigned();
      if (suffix.startsWith('reviews/')) {
        await http().post(`${tierPath()}/reviews`).set(manager).send(review).expect(201);
      }
      const before = await events();
      const response = await http().post(`${tierPath()}/${suffix}`).set(manager).send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await events()).toBe(before);
    });

    it('refuses a dealer id that is no id or no dealer, and a day that is no day', async () => {
      await assigned();
      const badId = await http()
        .post(`${tierPath('a%20b')}/assignment`)
        .set(manager)
        .send(assignment);
      expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
      const unknown = await http()
        .post(`${tierPath('dealer-9')}/assignment`)
        .set(manager)
        .send(assignment);
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
      expect((await http().get(tierPath('a%20b')).set(rep)).body.errors).toEqual([
        expect.objectContaining({ field: 'dealerId' }),
      ]);
      const badDay = await http().get(`${tierPath()}?asOf=2026-13-01`).set(rep);
      expect(badDay.status).toBe(400);
      expect(badDay.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
      expect((await http().get(`${tierPath()}?colour=red`).set(rep)).status).toBe(400);
    });
  });
});
