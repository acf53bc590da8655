import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { recordTestDealer } from '../services/channels/src/testing';
import { type ServicesOnKafka, startServicesOnKafka } from './testing/services-on-kafka';

jest.setTimeout(180_000);

const manager = asUser('manager-7', 'division-manager', 'north');
/** Names of this run alone: the topics are the platform's, so the groups and the dealer are unique. */
const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const dealerId = `kafka-dealer-${run}`;

describe('dealers from the channels service to the leads service over Kafka, on PostgreSQL', () => {
  let services: ServicesOnKafka;

  beforeAll(async () => {
    services = await startServicesOnKafka('leads_dealers_kafka', run);
  });

  afterAll(() => services.close());

  const toLeads = () => request(services.leads.getHttpServer() as Parameters<typeof request>[0]);
  const toChannels = () => request(services.channels.getHttpServer() as Parameters<typeof request>[0]);
  const openThrough = (dealer: string) =>
    toLeads()
      .post('/opportunities')
      .set(manager)
      .send({
        accountName: `Keller ${run} GmbH`,
        pipelineId: 'dealer-sourced',
        amount: { amount: 48_500, currency: 'EUR' },
        expectedCloseDate: '2026-07-31',
        products: [],
        channel: { kind: 'dealer', dealerId: dealer },
      });

  /** The answer to opening a deal through the dealer, once it is no longer `unlike`. */
  async function answerOnce(unlike: number): Promise<request.Response> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const answer = await openThrough(dealerId);
      if (answer.status !== unlike || Date.now() > deadline) return answer;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('refuses a dealer until the channels service has published its activation, then records its channel', async () => {
    const unknown = await openThrough(dealerId);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'DEALER_UNKNOWN', errors: [{ field: 'channel.dealerId' }] });

    await recordTestDealer(services.channels, services.store, { dealerId, channelId: 'dealers-kafka' });
    const accepted = await answerOnce(400);
    expect(accepted.status).toBe(201);
    const opportunityId = (accepted.body as { opportunityId: string }).opportunityId;
    const [opened] = await services.store.readStream(`opportunity-${opportunityId}`);
    expect(opened?.data).toMatchObject({ channel: { kind: 'dealer', dealerId, channelId: 'dealers-kafka' } });

    await toChannels()
      .post(`/dealers/${dealerId}/suspension`)
      .set(manager)
      .send({ reason: 'Overdue payments' })
      .expect(200);
    const suspended = await answerOnce(201);
    expect(suspended.status).toBe(409);
    expect(suspended.body).toMatchObject({ code: 'DEALER_SUSPENDED', errors: [{ field: 'channel.dealerId' }] });
    // Each dealer event recorded once, however often Kafka delivered it.
    expect((await services.store.readStream(`channeldealer-${dealerId}`)).map((event) => event.data)).toEqual([
      expect.objectContaining({ standing: 'active', channelId: 'dealers-kafka' }),
      expect.objectContaining({ standing: 'suspended', channelId: 'dealers-kafka' }),
    ]);
  });
});
