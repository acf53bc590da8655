import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createChannelsApp } from '../../channels-app';
import { openChannelsDatabase } from '../../channels-database';
import { recordTestDealer } from '../../testing';

jest.setTimeout(60_000);

const manager = asUser('manager-7', 'division-manager', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const budgetPath = '/dealers/dealer-1/funds/2026';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('market development funds on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let views: DataSource;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('channels_funds');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    views = await openChannelsDatabase({ kind: 'postgres', url: database.url });
    app = await createChannelsApp({ auth: testAuth.verifier, store, database: views });
    // Listening, so that requests sent at once reach one server.
    await app.listen(0);
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
  });

  afterAll(async () => {
    await app.close();
    await views.destroy();
    await store.close();
    await database.drop();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);

  it('approves at once exactly as much as the budget holds: 5 of 10 approvals of 2,000 against 10,000', async () => {
    await http()
      .put(budgetPath)
      .set(manager)
      .send({ amount: eur(10_000) })
      .expect(200);
    const ids = Array.from({ length: 10 }, (_, at) => `campaign-${at}`);
    for (const requestId of ids) {
      await http()
        .post(`${budgetPath}/requests`)
        .set(dealerUser)
        .send({ requestId, amount: eur(2_000), purpose: `Campaign ${requestId}` })
        .expect(201);
    }

    const answers = await Promise.all(
      ids.map((requestId) =>
        http()
          .post(`${budgetPath}/requests/${requestId}/approval`)
          .set(manager)
          .send({ approvedAmount: eur(2_000) }),
      ),
    );

    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused).toHaveLength(5);
    for (const answer of refused) {
      expect(answer.status).toBe(409);
      const problem = answer.body as { code: string; detail: string };
      expect(problem.code).toBe('FUND_BUDGET_EXCEEDED');
      expect(problem.detail).toContain('0 EUR remains');
    }
    const position = await http().get(budgetPath).set(manager);
    expect(position.body).toMatchObject({ budget: eur(10_000), approved: eur(10_000), remaining: eur(0) });
    const stored = await store.readStream('funds-dealer-1-2026');
    expect(stored.filter((event) => event.type === 'FundRequestApproved')).toHaveLength(5);
  });

  it('keeps two processes from overdrawing one budget: the store refuses the append decided on a stale state', async () => {
    // A second application on the same store and database: commands on one budget no longer take turns in one
    // process, so only the store's expected version stands between two approvals.
    const other = await createChannelsApp({ auth: testAuth.verifier, store, database: views });
    await other.listen(0);
    try {
      const path = '/dealers/dealer-1/funds/2027';
      await http()
        .put(path)
        .set(manager)
        .send({ amount: eur(3_000) })
        .expect(200);
      for (const requestId of ['a', 'b', 'c']) {
        await http()
          .post(`${path}/requests`)
          .set(dealerUser)
          .send({ requestId, amount: eur(2_000), purpose: 'Fair' })
          .expect(201);
      }
      const servers = [app, other, app];
      const answers = await Promise.all(
        ['a', 'b', 'c'].map((requestId, at) =>
          request((servers[at] as INestApplication).getHttpServer() as Parameters<typeof request>[0])
            .post(`${path}/requests/${requestId}/approval`)
            .set(manager)
            .send({ approvedAmount: eur(2_000) }),
        ),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((candidate) => candidate.status !== 200)) {
        expect(answer.status).toBe(409);
      }
      const position = await http().get(path).set(manager);
      expect(position.body).toMatchObject({ approved: eur(2_000), remaining: eur(1_000) });
    } finally {
      await other.close();
    }
  });
});
