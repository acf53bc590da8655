import { asUser } from '@salesos/auth/testing';
import request from 'supertest';
import { mapLeadsIntegrationEvents } from '../../leads-publishing';
import { eachTestLeadsApp, recordTestDealers } from '../../testing';

const headers = asUser('manager-7', 'division-manager', 'north');
const deal = (channel: object) => ({
  accountName: 'Acme',
  pipelineId: 'dealer-sourced',
  amount: { amount: 50_000, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  products: [],
  channel,
});

/** Each dealer a deal may not go to, and how the refusal reads (the field is the request's own). */
const refusals = [
  {
    dealerId: 'dealer-unknown',
    status: 400,
    code: 'DEALER_UNKNOWN',
    message:
      'dealer-unknown is no dealer of division north that the channels service has activated (or its activation has not reached the leads service yet)',
  },
  {
    // Another division's dealer is refused as if unknown, saying nothing of that division.
    dealerId: 'dealer-south',
    status: 400,
    code: 'DEALER_UNKNOWN',
    message:
      'dealer-south is no dealer of division north that the channels service has activated (or its activation has not reached the leads service yet)',
  },
  {
    dealerId: 'dealer-suspended',
    status: 409,
    code: 'DEALER_SUSPENDED',
    message: 'dealer-suspended is suspended since 2026-02-02 and takes no new deals',
  },
  {
    dealerId: 'dealer-terminated',
    status: 409,
    code: 'DEALER_TERMINATED',
    message: 'dealer-terminated is terminated (its last day of sales: 2026-01-31) and takes no new deals',
  },
];

describe('attributing a deal to a dealer', () => {
  const service = eachTestLeadsApp();

  beforeEach(async () => {
    await recordTestDealers(service().app, [
      { dealerId: 'dealer-active', channelId: 'dealer-network' },
      { dealerId: 'dealer-south', divisionId: 'south' },
      { dealerId: 'dealer-suspended', standing: 'suspended' },
      { dealerId: 'dealer-terminated', standing: 'terminated' },
    ]);
  });

  const http = () => request(service().app.getHttpServer() as Parameters<typeof request>[0]);
  const opportunityEvents = async () =>
    (await service().store.readAll({ maxCount: 10_000 })).events.filter((event) =>
      event.metadata.streamId.startsWith('opportunity-'),
    );

  it('opens a deal through an active dealer of the division and records the channel the dealer sells through', async () => {
    const opened = await http()
      .post('/opportunities')
      .set(headers)
      .send(deal({ kind: 'dealer', dealerId: 'dealer-active' }));
    expect(opened.status).toBe(201);
    const read = await http()
      .get(`/opportunities/${opened.body.opportunityId as string}`)
      .set(headers);
    expect(read.body.channel).toEqual({ kind: 'dealer', dealerId: 'dealer-active', channelId: 'dealer-network' });
    const published = (await opportunityEvents()).flatMap(mapLeadsIntegrationEvents);
    expect(published[0]?.data).toMatchObject({
      channel: 'dealer',
      dealerId: 'dealer-active',
      channelId: 'dealer-network',
    });
  });

  it.each(refusals)(
    'refuses $dealerId on a new deal and on a deal already open, naming the field, and writes nothing',
    async ({ dealerId, status, code, message }) => {
      const refusedOpening = await http()
        .post('/opportunities')
        .set(headers)
        .send(deal({ kind: 'dealer', dealerId }));
      expect(refusedOpening.status).toBe(status);
      expect(refusedOpening.body).toMatchObject({ code, errors: [{ field: 'channel.dealerId', message }] });
      expect(refusedOpening.headers['content-type']).toMatch(/application\/problem\+json/);

      const opened = await http()
        .post('/opportunities')
        .set(headers)
        .send(deal({ kind: 'direct' }));
      const path = `/opportunities/${opened.body.opportunityId as string}`;
      const refusedAttribution = await http().put(`${path}/channel`).set(headers).send({ kind: 'dealer', dealerId });
      expect(refusedAttribution.status).toBe(status);
      expect(refusedAttribution.body).toMatchObject({ code, errors: [{ field: 'dealerId', message }] });
      expect((await opportunityEvents()).map((event) => event.type)).toEqual(['OpportunityOpened']);
    },
  );

  it('refuses a suspended dealer on the conversion of a lead, which stays unconverted', async () => {
    const lead = await http()
      .post('/leads')
      .set(headers)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme' } });
    const leadId = lead.body.leadId as string;
    expect((await http().post(`/leads/${leadId}/qualification`).set(headers).send({})).status).toBe(200);
    const refused = await http()
      .post(`/leads/${leadId}/conversion`)
      .set(headers)
      .send(deal({ kind: 'dealer', dealerId: 'dealer-suspended' }));
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ field: 'channel.dealerId', message: refusals[2]?.message }]);
    expect((await http().get(`/leads/${leadId}`).set(headers)).body.status).toBe('qualified');
  });

  it('attributes a deal to an active dealer with its channel, and back to the direct channel', async () => {
    const opened = await http()
      .post('/opportunities')
      .set(headers)
      .send(deal({ kind: 'direct' }));
    const path = `/opportunities/${opened.body.opportunityId as string}`;
    const attributed = await http()
      .put(`${path}/channel`)
      .set(headers)
      .send({ kind: 'dealer', dealerId: 'dealer-active' });
    expect(attributed.status).toBe(200);
    const direct = await http().put(`${path}/channel`).set(headers).send({ kind: 'direct' });
    expect(direct.status).toBe(200);
    const channels = (await opportunityEvents())
      .filter((event) => event.type === 'OpportunityChannelAttributed')
      .map((event) => (event.data as { channel: object }).channel);
    expect(channels).toEqual([
      { kind: 'dealer', dealerId: 'dealer-active', channelId: 'dealer-network' },
      { kind: 'direct' },
    ]);
  });
});
