import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import {
  ContractRegistry,
  fromEventRecord,
  type IntegrationEvent,
  leadsContracts,
  leadTopic,
} from '@salesos/contracts';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { KafkaTransport, PostgresRelayLock } from '@salesos/messaging';
import { createLeadsApp } from './leads-app';
import { recordTestDivisions } from './testing';
import { asUser, testAuth } from '@salesos/auth/testing';

jest.setTimeout(120_000);

const brokers = [process.env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092'];
const headers = { ...asUser('manager-7', 'division-manager', 'north'), 'X-Correlation-Id': 'corr-e2e' };

describe('leads service on PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let app: INestApplication;
  let transport: KafkaTransport;

  beforeAll(async () => {
    database = await createTestDatabase('leads_kafka');
    store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
    transport = new KafkaTransport({ brokers, clientId: 'leads-test' });
    app = await createLeadsApp({
      auth: testAuth.verifier,
      store,
      publishing: { transport, lock: new PostgresRelayLock({ connectionString: database.url }), pollIntervalMs: 20 },
    });
    await app.init();
    await recordTestDivisions(app);
  });

  afterAll(async () => {
    await app.close();
    await transport.close();
    await store.close();
    await database.drop();
  });

  it('turns HTTP commands into integration events on the topic, keyed by lead, with CloudEvents headers', async () => {
    const http = request(app.getHttpServer() as Parameters<typeof request>[0]);
    const captured = await http
      .post('/leads')
      .set(headers)
      .send({
        source: 'event',
        contact: { name: 'Grace', email: `grace-${Date.now()}@navy.test` },
        company: { name: `Navy ${Date.now()}` },
      });
    expect(captured.status).toBe(201);
    const leadId = (captured.body as { leadId: string }).leadId;
    expect(
      (await http.post(`/leads/${leadId}/qualification`).set(headers).set('If-Match', '"2"').send({})).status,
    ).toBe(200);
    expect((await http.put(`/leads/${leadId}/owner`).set(headers).send({ repId: 'rep-9' })).status).toBe(200);

    const received = await readLeadRecords(leadId, 3);
    const registry = new ContractRegistry(leadsContracts);
    expect(received.map((entry) => entry.event.type)).toEqual([
      'salesos.leads.LeadCaptured.v1',
      'salesos.leads.LeadQualified.v1',
      'salesos.leads.LeadAssigned.v1',
    ]);
    for (const { key, event, headers: recordHeaders } of received) {
      expect(key).toBe(leadId);
      expect(event).toMatchObject({
        subject: leadId,
        source: '/salesos/leads',
        divisionId: 'north',
        correlationId: 'corr-e2e',
      });
      expect(recordHeaders).toMatchObject({
        ce_specversion: '1.0',
        'content-type': 'application/json',
        ce_divisionid: 'north',
      });
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
    }
    const storedIds = (await store.readStream(`lead-${leadId}`)).map((event) => event.metadata.eventId);
    expect(received.map((entry) => entry.event.id).every((id) => storedIds.includes(id))).toBe(true);
  });
});

async function readLeadRecords(
  leadId: string,
  count: number,
): Promise<Array<{ key: string | undefined; event: IntegrationEvent; headers: Record<string, string> }>> {
  const consumer = new Kafka({ brokers, clientId: 'leads-test-reader', logLevel: logLevel.NOTHING }).consumer({
    groupId: `leads-test-${Date.now()}`,
  });
  const found: Array<{ key: string | undefined; event: IntegrationEvent; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic: leadTopic.name, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
      const decoded = fromEventRecord({ value: message.value, headers });
      if (decoded.ok && decoded.event.subject === leadId)
        found.push({ key: message.key?.toString(), event: decoded.event, headers });
      return Promise.resolve();
    },
  });
  const deadline = Date.now() + 60_000;
  while (found.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await consumer.disconnect();
  return found;
}
