import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { recordTestDealer } from '../services/channels/src/testing';
import { type ServicesOnKafka, startServicesOnKafka } from './testing/services-on-kafka';

jest.setTimeout(180_000);

const manager = asUser('manager-7', 'division-manager', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
/** Names of this run alone: the topics are the platform's, so the groups, ids and company are unique. */
const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const company = `Brandt Maschinenbau ${run} AG`;

describe('deal registration between the channels and leads services over Kafka, on PostgreSQL', () => {
  let services: ServicesOnKafka;

  beforeAll(async () => {
    services = await startServicesOnKafka('channels_registrations_kafka', run);
    await recordTestDealer(services.channels, services.store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
  });

  afterAll(() => services.close());

  const toChannels = () => request(services.channels.getHttpServer() as Parameters<typeof request>[0]);
  const toLeads = () => request(services.leads.getHttpServer() as Parameters<typeof request>[0]);

  /** The registration as the dealer reads it, once the leads service's answer has come back through Kafka. */
  async function answered(registrationId: string): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const read = await toChannels().get(`/registrations/${registrationId}`).set(dealerUser).expect(200);
      const body = read.body as Record<string, unknown>;
      if (body.status !== 'submitted' || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('accepts a dealer’s first registration of a company, and answers conflict once the company has a lead', async () => {
    const first = `reg-first-${run}`;
    await toChannels()
      .post('/registrations')
      .set(dealerUser)
      .send({ registrationId: first, companyName: company, estimatedValue: { amount: 120_000, currency: 'EUR' } })
      .expect(201);
    const accepted = await answered(first);
    expect(accepted).toMatchObject({
      registrationId: first,
      dealerId: 'dealer-1',
      status: 'accepted',
      answer: { answer: 'accepted', rule: expect.stringMatching(/^first come/) as unknown },
    });
    expect(typeof accepted.lapseDueAt).toBe('string');

    // The company becomes the division's own lead: a later registration of it comes second.
    const lead = await toLeads()
      .post('/leads')
      .set(manager)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: company } })
      .expect(201);
    const leadId = (lead.body as { leadId: string }).leadId;
    const second = `reg-second-${run}`;
    await toChannels()
      .post('/registrations')
      .set(dealerUser)
      .send({ registrationId: second, companyName: company })
      .expect(201);
    expect(await answered(second)).toMatchObject({
      registrationId: second,
      status: 'conflicted',
      answer: { answer: 'conflicted', conflictingLeadIds: [leadId], conflictingOpportunityIds: [] },
    });
    // Each answer recorded once, however often Kafka delivered it.
    expect((await services.store.readStream(`registration-${first}`)).map((event) => event.type)).toEqual([
      'RegistrationSubmitted',
      'RegistrationAccepted',
    ]);
  });
});
