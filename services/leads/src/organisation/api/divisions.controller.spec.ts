import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser, bearer, testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { createLeadsApp } from '../../leads-app';
import { recordTestDealers } from '../../testing';

const admin = bearer({ userId: 'admin-1', roles: ['admin'] });
const director = bearer({ userId: 'director-1', roles: ['sales-director'] });
const northManager = asUser('manager-n', 'division-manager', 'north');
const southManager = asUser('manager-s', 'division-manager', 'south');
const north = {
  name: 'North',
  repIds: ['rep-n1', 'rep-n2'],
  teams: [{ teamId: 'team-n', name: 'North team', repIds: ['rep-n1'] }],
};
const south = {
  name: 'South',
  repIds: ['rep-s1'],
  teams: [{ teamId: 'team-s', name: 'South team', repIds: ['rep-s1'] }],
};
const lead = { source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme GmbH' } };
const deal = (extra: object) => ({
  accountName: 'Acme GmbH',
  pipelineId: 'new-business',
  amount: { amount: 1000, currency: 'EUR' },
  expectedCloseDate: '2027-03-31',
  products: [],
  channel: { kind: 'direct' },
  ...extra,
});

describe('divisions and the references inside them', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const stored = async () => (await store.readAll({ maxCount: 10_000 })).events.length;

  beforeEach(async () => {
    store = new MemoryEventStore({ pollIntervalMs: 10 });
    app = await createLeadsApp({ auth: testAuth.verifier, store });
    await app.init();
    expect((await http().put('/divisions/north').set(admin).send(north)).status).toBe(200);
    expect((await http().put('/divisions/south').set(admin).send(south)).status).toBe(200);
  });

  afterEach(async () => {
    await app.close();
  });

  it('lets only admins record divisions, and everyone read those their token grants', async () => {
    expect((await http().put('/divisions/west').set(director).send(north)).status).toBe(403);
    expect((await http().put('/divisions/west').set(northManager).send(north)).status).toBe(403);
    const listed = await http().get('/divisions').set(northManager);
    expect(listed.body.items.map((division: { divisionId: string }) => division.divisionId)).toEqual(['north']);
    const all = await http().get('/divisions').set(director);
    expect(all.body.items.map((division: { divisionId: string }) => division.divisionId)).toEqual(['north', 'south']);
    expect((await http().get('/divisions/south').set(northManager)).status).toBe(404);
    expect((await http().get('/divisions/north').set(northManager)).body).toMatchObject({
      name: 'North',
      repIds: north.repIds,
    });
    const again = await http().put('/divisions/north').set(admin).send(north);
    expect(again.body.version).toBe(1);
  });

  it('refuses, as not found, anything in a division that does not exist, and stores nothing', async () => {
    const before = await stored();
    for (const division of ['nowhere', 'NORTH', 'North']) {
      const headers = { ...director, 'X-Division-Id': division };
      const captured = await http().post('/leads').set(headers).send(lead);
      expect({ division, status: captured.status, code: captured.body.code }).toEqual({
        division,
        status: 404,
        code: 'DIVISION_NOT_FOUND',
      });
      expect((await http().get('/leads').set(headers)).status).toBe(404);
      expect(
        (
          await http()
            .post('/segments')
            .set(headers)
            .send({ name: 'S', criteria: { industries: ['x'] } })
        ).status,
      ).toBe(404);
    }
    expect(await stored()).toBe(before);
  });

  it('refuses a lead handed to a rep of another division, naming the field, and stores nothing', async () => {
    const leadId = (await http().post('/leads').set(northManager).send(lead)).body.leadId as string;
    const before = await stored();
    const refused = await http().put(`/leads/${leadId}/owner`).set(northManager).send({ repId: 'rep-s1' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'repId', message: 'is not a rep of division north' }]);
    expect(await stored()).toBe(before);
    expect((await http().put(`/leads/${leadId}/owner`).set(northManager).send({ repId: 'rep-n2' })).status).toBe(200);
  });

  it('refuses a deal for another division’s rep or through its dealer', async () => {
    await recordTestDealers(app, [{ dealerId: 'dealer-n' }, { dealerId: 'dealer-s', divisionId: 'south' }]);
    const before = await stored();
    const owner = await http()
      .post('/opportunities')
      .set(northManager)
      .send(deal({ ownerRepId: 'rep-s1' }));
    expect(owner.status).toBe(400);
    expect(owner.body.errors).toEqual([{ field: 'ownerRepId', message: 'is not a rep of division north' }]);
    const dealer = await http()
      .post('/opportunities')
      .set(northManager)
      .send(deal({ channel: { kind: 'dealer', dealerId: 'dealer-s' } }));
    expect(dealer.status).toBe(400);
    const otherDivision =
      'dealer-s is no dealer of division north that the channels service has activated (or its activation has not ' +
      'reached the leads service yet)';
    expect(dealer.body.errors).toEqual([{ field: 'channel.dealerId', message: otherDivision }]);
    expect(await stored()).toBe(before);
    const opened = await http()
      .post('/opportunities')
      .set(northManager)
      .send(deal({ ownerRepId: 'rep-n1', channel: { kind: 'dealer', dealerId: 'dealer-n' } }));
    expect(opened.status).toBe(201);
    const attributed = await http()
      .put(`/opportunities/${opened.body.opportunityId as string}/channel`)
      .set(northManager)
      .send({ kind: 'dealer', dealerId: 'dealer-s' });
    expect(attributed.status).toBe(400);
    expect(attributed.body.errors).toEqual([{ field: 'dealerId', message: otherDivision }]);
  });

  it('refuses assignment rules that name another division’s reps, teams or segments', async () => {
    const southSegment = (
      await http()
        .post('/segments')
        .set(southManager)
        .send({ name: 'South big', criteria: { sizeBands: ['large'] } })
    ).body.segmentId as string;
    const before = await stored();
    const cases: Array<[object, string]> = [
      [{ kind: 'territory-segment', ruleId: 'r', repId: 'rep-s1' }, 'rules[0].repId'],
      [{ kind: 'territory-segment', ruleId: 'r', repId: 'rep-n1', segmentId: southSegment }, 'rules[0].segmentId'],
      [{ kind: 'round-robin', ruleId: 'r', teamId: 'team-s', repIds: ['rep-n1'] }, 'rules[0].teamId'],
      [{ kind: 'least-loaded', ruleId: 'r', teamId: 'team-n', repIds: ['rep-n1', 'rep-s1'] }, 'rules[0].repIds[1]'],
    ];
    for (const [rule, field] of cases) {
      const refused = await http()
        .put('/assignment-rules')
        .set(northManager)
        .send({ rules: [rule] });
      expect({ field, status: refused.status, named: refused.body.errors?.[0]?.field }).toEqual({
        field,
        status: 400,
        named: field,
      });
    }
    expect(await stored()).toBe(before);
    const accepted = await http()
      .put('/assignment-rules')
      .set(northManager)
      .send({ rules: [{ kind: 'round-robin', ruleId: 'r', teamId: 'team-n', repIds: ['rep-n1', 'rep-n2'] }] });
    expect(accepted.status).toBe(200);
  });

  it('names the field of a roster that contradicts itself', async () => {
    const stranger = await http()
      .put('/divisions/west')
      .set(admin)
      .send({ ...north, teams: [{ teamId: 't', name: 'T', repIds: ['rep-x'] }] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([
      { field: 'teams[0].repIds[0]', message: "names rep-x, who is not one of the division's reps" },
    ]);
    const twice = await http()
      .put('/divisions/west')
      .set(admin)
      .send({ ...north, repIds: ['rep-n1', 'rep-n1'] });
    expect(twice.body.errors).toEqual([{ field: 'repIds[1]', message: "lists 'rep-n1' a second time" }]);
  });

  it('takes no list of dealers: the dealers deals go through are those the channels service activated', async () => {
    const before = await stored();
    const refused = await http()
      .put('/divisions/west')
      .set(admin)
      .send({ ...north, dealerIds: ['dealer-n'] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['dealerIds']);
    expect(await stored()).toBe(before);
  });

  it('refuses a list where a team should be, naming the field, and stores nothing', async () => {
    const before = await stored();
    for (const teams of [[[[[]]]], [[{ teamId: 't', name: 'T', repIds: [] }]], ['team-s']]) {
      const refused = await http()
        .put('/divisions/west')
        .set(admin)
        .send({ ...north, teams });
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toContainEqual({ field: 'teams', message: 'each of teams must be an object' });
    }
    expect(await stored()).toBe(before);
  });
});
