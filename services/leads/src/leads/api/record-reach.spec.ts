import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser, testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { createLeadsApp } from '../../leads-app';
import { recordTestDealers, recordTestDivisions } from '../../testing';

/**
 * Whose records each role reaches inside its division: reps their own leads and deals, team leads their team's (the
 * team a rule routed the lead to) and their own, a dealer's users only their dealer's deals, managers everything.
 */
const manager = asUser('manager-1', 'division-manager', 'north');
const repA = asUser('rep-a', 'rep', 'north');
const repB = asUser('rep-b', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['inside-team'] });
const dealerUser = asUser('dealer-3-user', 'dealer', 'north', { dealerId: 'dealer-3' });

const lead = (name: string, territory: string) => ({
  source: 'web',
  contact: { name },
  company: { name: `${name} GmbH` },
  territory,
});
const deal = (accountName: string, channel: object, ownerRepId?: string) => ({
  accountName,
  pipelineId: 'new-business',
  amount: { amount: 1000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  products: [{ productId: 'press-200', quantity: 1 }],
  channel,
  ...(ownerRepId === undefined ? {} : { ownerRepId }),
});

describe('record reach within a division', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  const http = () => request(app.getHttpServer());
  const streamLength = async (streamId: string) => (await store.readStream(streamId)).length;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createLeadsApp({ auth: testAuth.verifier, store });
    await app.init();
    await recordTestDivisions(app);
    await recordTestDealers(app);
    // Berlin leads go to rep-a by territory; the rest to the inside team's round robin (rep-b).
    await http()
      .put('/assignment-rules')
      .set(manager)
      .send({
        rules: [
          { kind: 'territory-segment', ruleId: 'berlin', territory: 'berlin', repId: 'rep-a' },
          { kind: 'round-robin', ruleId: 'inside', teamId: 'inside-team', repIds: ['rep-b'] },
        ],
      });
  });

  afterEach(async () => {
    await app.close();
  });

  it('lets a rep read and change only their own leads; another rep’s read as not found and stay unchanged', async () => {
    const own = (await http().post('/leads').set(manager).send(lead('Ada', 'berlin'))).body.leadId as string;
    const other = (await http().post('/leads').set(manager).send(lead('Bo', 'hamburg'))).body.leadId as string;
    expect((await http().get(`/leads/${own}`).set(repA)).status).toBe(200);
    expect((await http().get(`/leads/${other}`).set(repA)).status).toBe(404);
    const listed = await http().get('/leads').set(repA);
    expect(listed.body.items.map((item: { leadId: string }) => item.leadId)).toEqual([own]);
    expect((await http().get('/leads/export').set(repA)).text).not.toContain('Bo GmbH');

    const before = await streamLength(`lead-${other}`);
    const refused = await http().post(`/leads/${other}/qualification`).set(repA).send({});
    expect(refused.status).toBe(404);
    expect(await streamLength(`lead-${other}`)).toBe(before);
    expect((await http().post(`/leads/${own}/qualification`).set(repA).send({})).status).toBe(200);
  });

  it('lets a team lead reach the leads routed to their team, and no others', async () => {
    const routed = (await http().post('/leads').set(manager).send(lead('Cy', 'hamburg'))).body.leadId as string;
    const berlin = (await http().post('/leads').set(manager).send(lead('Di', 'berlin'))).body.leadId as string;
    expect((await http().get(`/leads/${routed}`).set(teamLead)).status).toBe(200);
    expect((await http().get(`/leads/${berlin}`).set(teamLead)).status).toBe(404);
    expect((await http().post(`/leads/${routed}/nurturing`).set(teamLead).send({})).status).toBe(200);
    expect((await http().put(`/leads/${berlin}/owner`).set(teamLead).send({ repId: 'lead-1' })).status).toBe(404);
    expect((await http().get(`/leads/${routed}`).set(repB)).status).toBe(200);

    // The deal of a routed lead stays with the team; a deal opened on its own does not.
    await http().post(`/leads/${routed}/qualification`).set(manager).send({});
    const converted = await http()
      .post(`/leads/${routed}/conversion`)
      .set(manager)
      .send(deal('Team Deal', { kind: 'direct' }, 'rep-b'));
    const alone = await http()
      .post('/opportunities')
      .set(manager)
      .send(deal('Lone Deal', { kind: 'direct' }, 'rep-b'));
    expect(
      (
        await http()
          .get(`/opportunities/${converted.body.opportunityId as string}`)
          .set(teamLead)
      ).status,
    ).toBe(200);
    expect(
      (
        await http()
          .get(`/opportunities/${alone.body.opportunityId as string}`)
          .set(teamLead)
      ).status,
    ).toBe(404);
    const listed = await http().get('/opportunities').set(teamLead);
    expect(listed.body.items.map((item: { accountName: string }) => item.accountName)).toEqual(['Team Deal']);
  });

  it('keeps a dealer’s users to their dealer’s deals: no leads, no other deals, no new deals', async () => {
    const theirs = await http()
      .post('/opportunities')
      .set(manager)
      .send(deal('Dealer Deal', { kind: 'dealer', dealerId: 'dealer-3' }));
    const direct = await http()
      .post('/opportunities')
      .set(manager)
      .send(deal('Direct Deal', { kind: 'direct' }, 'rep-a'));
    expect((await http().get('/leads').set(dealerUser)).status).toBe(403);
    expect((await http().post('/leads').set(dealerUser).send(lead('Ed', 'berlin'))).status).toBe(403);
    const listed = await http().get('/opportunities').set(dealerUser);
    expect(listed.body.items.map((item: { accountName: string }) => item.accountName)).toEqual(['Dealer Deal']);
    expect(
      (
        await http()
          .get(`/opportunities/${direct.body.opportunityId as string}`)
          .set(dealerUser)
      ).status,
    ).toBe(404);
    const before = await streamLength(`opportunity-${direct.body.opportunityId as string}`);
    const refused = await http()
      .post(`/opportunities/${direct.body.opportunityId as string}/loss`)
      .set(dealerUser)
      .send({ reason: 'price' });
    expect(refused.status).toBe(404);
    expect(await streamLength(`opportunity-${direct.body.opportunityId as string}`)).toBe(before);
    const moved = await http()
      .put(`/opportunities/${theirs.body.opportunityId as string}/stage`)
      .set(dealerUser)
      .send({ stageId: 'qualification' });
    expect(moved.status).toBe(200);
    expect(
      (
        await http()
          .post('/opportunities')
          .set(dealerUser)
          .send(deal('Own', { kind: 'direct' }))
      ).status,
    ).toBe(403);
    // A rep sees the deals they own, not the dealer's.
    const repDeals = await http().get('/opportunities').set(repA);
    expect(repDeals.body.items.map((item: { accountName: string }) => item.accountName)).toEqual(['Direct Deal']);
  });
});
