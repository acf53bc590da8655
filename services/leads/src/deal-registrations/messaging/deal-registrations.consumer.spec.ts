import request from 'supertest';
import {
  dealRegistrationDecisionTopic,
  dealRegistrationTopic,
  fromEventRecord,
  type IntegrationEvent,
  toEventRecord,
} from '@salesos/contracts';
import type { IncomingRecord } from '@salesos/messaging';
import { eachTestLeadsApp, until } from '../../testing';
import { firstComeRule } from '../domain/deal-registration.decider';
import { asUser } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');

function submitted(registrationId: string, companyName: string, id = `msg-${registrationId}`) {
  return toEventRecord({
    id,
    type: 'salesos.channels.DealRegistrationSubmitted.v1',
    source: '/salesos/channels',
    subject: registrationId,
    time: '2026-05-01T08:00:00.000Z',
    data: {
      registrationId,
      divisionId: 'north',
      dealerId: 'dealer-3',
      companyName,
      submittedAt: '2026-05-01T08:00:00.000Z',
    },
    divisionId: 'north',
  });
}

describe('deal registration intake', () => {
  const service = eachTestLeadsApp();

  it('answers conflict when an open lead for the company came first, accepted otherwise, and decides each once', async () => {
    const { app, store, transport } = service();
    const lead = await request(app.getHttpServer() as Parameters<typeof request>[0])
      .post('/leads')
      .set(headers)
      .send({ source: 'web', contact: { name: 'Ada' }, company: { name: 'Acme GmbH' } });
    const producer = transport.producer();
    await producer.send(dealRegistrationTopic.name, [
      submitted('reg-1', 'ACME'),
      submitted('reg-2', 'Globex Corp'),
      submitted('reg-1', 'ACME'),
    ]);

    const decisions: IntegrationEvent[] = [];
    const reader = transport.consumer('test-reader');
    await reader.start({
      topics: [dealRegistrationDecisionTopic.name],
      fromBeginning: true,
      eachBatch: (batch: { records: IncomingRecord[] }) => {
        for (const record of batch.records) {
          const decoded = fromEventRecord(record);
          if (decoded.ok) decisions.push(decoded.event);
        }
        return Promise.resolve();
      },
    });
    await until(() => decisions.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await reader.stop();

    // Registrations are keyed by their id, so only each one's own order is guaranteed.
    decisions.sort((a, b) => a.subject.localeCompare(b.subject));
    expect(decisions.map((event) => [event.type, event.subject])).toEqual([
      ['salesos.leads.DealRegistrationConflicted.v1', 'reg-1'],
      ['salesos.leads.DealRegistrationAccepted.v1', 'reg-2'],
    ]);
    expect(decisions[0]?.data).toMatchObject({
      conflictingLeadIds: [(lead.body as { leadId: string }).leadId],
      conflictingOpportunityIds: [],
      rule: firstComeRule,
      dealerId: 'dealer-3',
    });
    expect(await store.readStream('dealregistration-reg-1')).toHaveLength(1);
  });
});
