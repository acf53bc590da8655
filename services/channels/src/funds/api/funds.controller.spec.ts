import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import { createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-05-10T12:00:00.000Z');
  }
}

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const otherDealerUser = asUser('dealer-user-2', 'dealer', 'north', { dealerId: 'dealer-2' });
const budgetPath = '/dealers/dealer-1/funds/2026-Q2';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('funds API: market development funds per dealer and period', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store, clock: new FixedClock() });
    // Listening, so that requests sent at once reach one server.
    await app.listen(0);
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2', userIds: ['dealer-user-2'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-3', reach: 'suspended' });
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 100_000 })).events.length;
  const allocate = (amount = 10_000) =>
    http()
      .put(budgetPath)
      .set(manager)
      .send({ amount: eur(amount) })
      .expect(200);
  const requestFunds = async (requestId: string, amount = 2_000) =>
    http()
      .post(`${budgetPath}/requests`)
      .set(dealerUser)
      .send({ requestId, amount: eur(amount), purpose: `Campaign ${requestId}` })
      .expect(201);
  const approve = (requestId: string, amount = 2_000) =>
    http()
      .post(`${budgetPath}/requests/${requestId}/approval`)
      .set(manager)
      .send({ approvedAmount: eur(amount) });

  it('allocates a budget the organisation and the dealer read, with an ETag, and adjusts it with a reason', async () => {
    const allocated = await http()
      .put(budgetPath)
      .set(manager)
      .set('If-Match', '"0"')
      .send({ amount: eur(10_000) });
    expect(allocated.status).toBe(200);
    expect(allocated.headers.etag).toBe('"1"');
    expect(allocated.body).toMatchObject({ dealerId: 'dealer-1', period: '2026-Q2', budget: eur(10_000) });

    for (const reader of [rep, analyst, dealerUser]) {
      const read = await http().get(budgetPath).set(reader);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ remaining: eur(10_000), requested: eur(0), requests: [], version: 1 });
    }

    const withoutReason = await http()
      .put(budgetPath)
      .set(manager)
      .send({ amount: eur(12_000) });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const adjusted = await http()
      .put(budgetPath)
      .set(manager)
      .set('If-Match', '"1"')
      .send({ amount: eur(12_000), reason: 'Trade fair added' });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body).toMatchObject({ budget: eur(12_000), remaining: eur(12_000), version: 2 });
  });

  it('takes a request from the dealer through approval, claim with proof and payment', async () => {
    await allocate();
    const requested = await requestFunds('spring-fair', 3_000);
    expect(requested.body).toMatchObject({ requestId: 'spring-fair', requested: eur(3_000), remaining: eur(10_000) });
    expect((await approve('spring-fair', 2_500)).body).toMatchObject({ approved: eur(2_500), remaining: eur(7_500) });
    const claimed = await http()
      .post(`${budgetPath}/requests/spring-fair/claim`)
      .set(dealerUser)
      .send({ claimedAmount: eur(2_400), proof: ['invoice-42', 'photo-7'] });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ approved: eur(0), claimed: eur(2_400), remaining: eur(7_600) });
    const paid = await http()
      .post(`${budgetPath}/requests/spring-fair/payment`)
      .set(manager)
      .send({ paidAt: '2026-05-09T10:00:00+02:00', reference: 'SEPA-17' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ claimed: eur(0), paid: eur(2_400), remaining: eur(7_600) });
    expect(paid.body.requests).toEqual([
      expect.objectContaining({ requestId: 'spring-fair', status: 'paid', paidAt: '2026-05-09T08:00:00.000Z' }),
    ]);
  });

  it('rejects a request with a reason, and gives a request an id from the Idempotency-Key', async () => {
    await allocate();
    const first = await http()
      .post(`${budgetPath}/requests`)
      .set(dealerUser)
      .set('Idempotency-Key', 'req-1')
      .send({ amount: eur(500), purpose: 'Flyers' });
    expect(first.status).toBe(201);
    const again = await http()
      .post(`${budgetPath}/requests`)
      .set(dealerUser)
      .set('Idempotency-Key', 'req-1')
      .send({ amount: eur(500), purpose: 'Flyers' });
    expect(again.body.requestId).toBe(first.body.requestId);
    const rejected = await http()
      .post(`${budgetPath}/requests/${first.body.requestId}/rejection`)
      .set(manager)
      .send({ reason: 'Not a marketing expense' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.requests).toEqual([expect.objectContaining({ status: 'rejected' })]);
    expect(rejected.body.requested).toEqual(eur(0));
  });

  it('approves at once exactly as much as the budget holds: 5 of 10 approvals of 2,000 against 10,000', async () => {
    await allocate();
    const ids = Array.from({ length: 10 }, (_, at) => `campaign-${at}`);
    for (const id of ids) await requestFunds(id);

    const answers = await Promise.all(ids.map((id) => approve(id)));

    const approved = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(approved).toHaveLength(5);
    expect(refused).toHaveLength(5);
    for (const answer of refused) {
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('FUND_BUDGET_EXCEEDED');
      expect(answer.body.detail).toContain('0 EUR remains');
    }
    const position = await http().get(budgetPath).set(manager);
    expect(position.body).toMatchObject({ budget: eur(10_000), approved: eur(10_000), remaining: eur(0) });
    expect(position.body.requests.filter((r: { status: string }) => r.status === 'approved')).toHaveLength(5);
    const stored = (await store.readStream('funds-dealer-1-2026-Q2')).filter((e) => e.type === 'FundRequestApproved');
    expect(stored).toHaveLength(5);
  });

  it('refuses an approval beyond the remaining budget naming what remains, and beyond the amount requested', async () => {
    await allocate(3_000);
    await requestFunds('a', 2_000);
    await requestFunds('b', 2_000);
    expect((await approve('a')).status).toBe(200);
    const over = await approve('b');
    expect(over.status).toBe(409);
    expect(over.body.detail).toContain('1000 EUR remains');
    const beyondRequest = await approve('b', 2_500);
    expect(beyondRequest.status).toBe(400);
    expect(beyondRequest.body.errors).toEqual([expect.objectContaining({ field: 'approvedAmount.amount' })]);
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    await allocate();
    await requestFunds('a');
    const before = await events();
    const stale = await http()
      .post(`${budgetPath}/requests/a/approval`)
      .set(manager)
      .set('If-Match', '"1"')
      .send({ approvedAmount: eur(2_000) });
    expect(stale.status).toBe(412);
    const staleBudget = await http()
      .put(budgetPath)
      .set(manager)
      .set('If-Match', '"1"')
      .send({ amount: eur(9_000), reason: 'Cut' });
    expect(staleBudget.status).toBe(412);
    expect(await events()).toBe(before);
  });

  it.each([
    ['PUT', '', { amount: eur(-1) }, 'amount.amount'],
    ['PUT', '', { amount: { amount: 10, currency: 'euro' } }, 'amount.currency'],
    ['PUT', '', { amount: 10 }, 'amount'],
    ['PUT', '', { amount: eur(10), reason: '' }, 'reason'],
    ['PUT', '', { amount: eur(10), colour: 'red' }, 'colour'],
    ['POST', '/requests', { amount: eur(10), purpose: 'x', requestId: 'no spaces' }, 'requestId'],
    ['POST', '/requests', { amount: eur(10) }, 'purpose'],
    ['POST', '/requests', { purpose: 'x' }, 'amount'],
    ['POST', '/requests/a/approval', {}, 'approvedAmount'],
    ['POST', '/requests/a/approval', { approvedAmount: { amount: 'lots', currency: 'EUR' } }, 'approvedAmount.amount'],
    ['POST', '/requests/a/rejection', { reason: 'x'.repeat(501) }, 'reason'],
    ['POST', '/requests/a/claim', { claimedAmount: eur(10), proof: [] }, 'proof'],
    ['POST', '/requests/a/claim', { claimedAmount: eur(10), proof: 'invoice' }, 'proof'],
    ['POST', '/requests/a/claim', { proof: ['invoice'] }, 'claimedAmount'],
    ['POST', '/requests/a/payment', { paidAt: '2026-05-01', reference: 'r' }, 'paidAt'],
    ['POST', '/requests/a/payment', { paidAt: '2026-05-01T10:00:00Z' }, 'reference'],
  ])('refuses %s %s with %j, naming %s and writing nothing', async (method, suffix, body, field) => {
    await allocate();
    await requestFunds('a');
    const before = await events();
    const path = `${budgetPath}${suffix}`;
    const response = await (method === 'PUT' ? http().put(path) : http().post(path)).set(manager).send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(before);
  });

  it.each([
    ['a dealer id that is no id', '/dealers/no%20spaces/funds/2026-Q2', 'dealerId'],
    ['a period that is no period', '/dealers/dealer-1/funds/2026-13', 'period'],
    ['a week that is no period', '/dealers/dealer-1/funds/2026-W20', 'period'],
  ])('refuses %s in the path with 400 naming it', async (_label, path, field) => {
    for (const call of [
      http().get(path).set(manager),
      http()
        .put(path)
        .set(manager)
        .send({ amount: eur(10) }),
      http()
        .post(`${path}/requests`)
        .set(manager)
        .send({ amount: eur(10), purpose: 'x' }),
    ]) {
      const response = await call;
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const badRequestId = await http()
      .post(`${budgetPath}/requests/no%20spaces/approval`)
      .set(manager)
      .send({
        approvedAmount: eur(10),
      });
    expect(badRequestId.status).toBe(400);
    expect(badRequestId.body.errors).toEqual([expect.objectContaining({ field: 'requestId' })]);
  });

  it('allocates only for an active dealer of the division, and knows a budget or request that is not there', async () => {
    const before = await events();
    const unknown = await http()
      .put('/dealers/nobody/funds/2026')
      .set(manager)
      .send({ amount: eur(10) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'dealerId' })]);
    const suspended = await http()
      .put('/dealers/dealer-3/funds/2026')
      .set(manager)
      .send({ amount: eur(10) });
    expect(suspended.status).toBe(409);
    expect(await events()).toBe(before);
    expect((await http().get('/dealers/dealer-1/funds/2026').set(manager)).status).toBe(404);
    expect(
      (
        await http()
          .post(`${budgetPath}/requests`)
          .set(dealerUser)
          .send({ amount: eur(1), purpose: 'x' })
      ).status,
    ).toBe(404);
    await allocate();
    expect((await approve('missing')).status).toBe(404);
    expect(
      (
        await http()
          .get(budgetPath)
          .set(asUser('manager-s', 'division-manager', 'south'))
      ).status,
    ).toBe(404);
  });

  it('lets setup roles allocate, approve, reject and pay, and a dealer user request and claim', async () => {
    await allocate();
    await requestFunds('a');
    const before = await events();
    for (const caller of [rep, analyst, dealerUser]) {
      expect(
        (
          await http()
            .put(budgetPath)
            .set(caller)
            .send({ amount: eur(1), reason: 'x' })
        ).status,
      ).toBe(403);
      expect(
        (
          await http()
            .post(`${budgetPath}/requests/a/approval`)
            .set(caller)
            .send({ approvedAmount: eur(1) })
        ).status,
      ).toBe(403);
      expect((await http().post(`${budgetPath}/requests/a/rejection`).set(caller).send({ reason: 'x' })).status).toBe(
        403,
      );
      expect(
        (
          await http()
            .post(`${budgetPath}/requests/a/payment`)
            .set(caller)
            .send({ paidAt: '2026-05-01T10:00:00Z', reference: 'r' })
        ).status,
      ).toBe(403);
    }
    for (const caller of [rep, analyst]) {
      expect(
        (
          await http()
            .post(`${budgetPath}/requests`)
            .set(caller)
            .send({ amount: eur(1), purpose: 'x' })
        ).status,
      ).toBe(403);
      expect(
        (
          await http()
            .post(`${budgetPath}/requests/a/claim`)
            .set(caller)
            .send({ claimedAmount: eur(1), proof: ['i'] })
        ).status,
      ).toBe(403);
    }
    expect(await events()).toBe(before);
  });

  it("shows a dealer's users only their own dealer's budget: another dealer's reads as not found", async () => {
    await allocate();
    await requestFunds('a');
    await approve('a').expect(200);
    const before = await events();
    expect((await http().get(budgetPath).set(otherDealerUser)).status).toBe(404);
    const requested = await http()
      .post(`${budgetPath}/requests`)
      .set(otherDealerUser)
      .send({ amount: eur(1), purpose: 'x' });
    expect(requested.status).toBe(404);
    const claimed = await http()
      .post(`${budgetPath}/requests/a/claim`)
      .set(otherDealerUser)
      .send({ claimedAmount: eur(1), proof: ['invoice'] });
    expect(claimed.status).toBe(404);
    expect(await events()).toBe(before);
  });
});
