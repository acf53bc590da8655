import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { silentLogger } from '@salesos/messaging';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { SegmentRematchPolicy } from '../application/segment-rematch.policy';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');
/** Segments are set up by the division's manager. */
const manager = asUser('manager-1', 'division-manager', 'north');
const lead = {
  source: 'web',
  contact: { name: 'Ada Lovelace', email: 'ada@acme.test' },
  company: { name: 'Acme GmbH', industry: 'manufacturing', sizeBand: 'large' },
  territory: 'berlin',
  estimatedValue: { amount: 40000, currency: 'EUR' },
  needTags: ['automation'],
};
const hamburgSegment = { name: 'Hamburg', criteria: { territories: ['hamburg'] } };

describe('revising leads and rematching them to segments', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore({ pollIntervalMs: 5 });
    app = await createLeadsApp({ auth: testAuth.verifier, store, logger: silentLogger });
    await app.init();
    await recordTestDivisions(app);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const capture = async (): Promise<string> => {
    const response = await http().post('/leads').set(headers).send(lead);
    expect(response.status).toBe(201);
    return response.body.leadId as string;
  };
  const revise = (leadId: string, body: unknown, extra: Record<string, string> = {}) =>
    http()
      .patch(`/leads/${leadId}`)
      .set(headers)
      .set(extra)
      .send(body as object);
  const rematched = () => app.get(SegmentRematchPolicy).settled();

  describe('PATCH /leads/:leadId', () => {
    it('revises details, matches the lead again and rescores it', async () => {
      const segment = await http().post('/segments').set(manager).send(hamburgSegment);
      const leadId = await capture();
      const response = await revise(leadId, { territory: 'Hamburg', contact: { phone: '+49 40 555 1234' } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ leadId, status: 'new', segmentIds: [segment.body.segmentId] });
      expect(response.headers.etag).toBe(`"${response.body.version}"`);
      const events = await store.readStream(`lead-${leadId}`);
      expect(events.slice(2).map((event) => event.type)).toEqual([
        'LeadDetailsRevised',
        'LeadSegmentsMatched',
        'LeadScored',
      ]);
      expect(events[2]?.data).toMatchObject({
        changes: { territory: 'Hamburg', contact: { phone: '+49 40 555 1234' } },
      });
      const read = await http().get(`/leads/${leadId}`).set(headers);
      expect(read.body).toMatchObject({ territory: 'Hamburg', phone: '+49 40 555 1234', score: response.body.score });
      const listed = await http().get(`/leads?segmentId=${segment.body.segmentId}`).set(headers);
      expect(listed.body.items.map((item: { leadId: string }) => item.leadId)).toEqual([leadId]);
    });

    it('answers a revision that changes nothing with the same version and appends nothing', async () => {
      const leadId = await capture();
      const response = await revise(leadId, { territory: 'berlin', needTags: ['automation'] });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(2);
      expect(await store.readStream(`lead-${leadId}`)).toHaveLength(2);
    });

    it('lets one of two revisions with the same If-Match through and answers the other 412', async () => {
      const leadId = await capture();
      const [a, b] = await Promise.all([
        revise(leadId, { territory: 'hamburg' }, { 'If-Match': '"2"' }),
        revise(leadId, { territory: 'munich' }, { 'If-Match': '"2"' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
    });

    it('answers a repeated Idempotency-Key with the first answer and appends nothing', async () => {
      const leadId = await capture();
      const first = await revise(leadId, { territory: 'hamburg' }, { 'Idempotency-Key': 'revise-1' });
      const countAfterFirst = (await store.readStream(`lead-${leadId}`)).length;
      const again = await revise(leadId, { territory: 'hamburg' }, { 'Idempotency-Key': 'revise-1' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await store.readStream(`lead-${leadId}`)).toHaveLength(countAfterFirst);
    });

    it.each([
      [{}, 'body'],
      [{ contact: {} }, 'body'],
      [{ territory: '' }, 'territory'],
      [{ territory: 'x'.repeat(81) }, 'territory'],
      [{ territory: 42 }, 'territory'],
      [{ contact: { email: 'not-an-email' } }, 'contact.email'],
      [{ contact: { phone: 'call me' } }, 'contact.phone'],
      [{ contact: 'ada' }, 'contact'],
      [{ company: { sizeBand: 'giant' } }, 'company.sizeBand'],
      [{ company: { name: 'Renamed' } }, 'company.name'],
      [{ estimatedValue: { amount: -1, currency: 'EUR' } }, 'estimatedValue.amount'],
      [{ estimatedValue: { amount: 1, currency: 'euro' } }, 'estimatedValue.currency'],
      [{ needTags: 'automation' }, 'needTags'],
      [{ needTags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'needTags'],
      [{ owner: 'rep-1' }, 'owner'],
    ])('refuses %j naming %s, changing nothing', async (body, field) => {
      const leadId = await capture();
      const response = await revise(leadId, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await store.readStream(`lead-${leadId}`)).toHaveLength(2);
    });

    it('answers 404 for another division’s lead and 409 for a closed one', async () => {
      const leadId = await capture();
      const elsewhere = await http()
        .patch(`/leads/${leadId}`)
        .set(asUser('manager-7', 'division-manager', 'south'))
        .send({ territory: 'hamburg' });
      expect(elsewhere.status).toBe(404);
      await http().post(`/leads/${leadId}/disqualification`).set(headers).send({ reason: 'no budget' });
      const closed = await revise(leadId, { territory: 'hamburg' });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('LEAD_INVALID_TRANSITION');
    });
  });

  describe('segment changes', () => {
    it('match open leads of the division when a segment is defined, revised and retired', async () => {
      const leadId = await capture();
      const closedId = (
        await http()
          .post('/leads')
          .set(headers)
          .send({ ...lead, contact: { name: 'Bo' }, company: { name: 'Other AG' }, territory: 'hamburg' })
      ).body.leadId as string;
      await http().post(`/leads/${closedId}/disqualification`).set(headers).send({ reason: 'no budget' });
      const southLead = await http()
        .post('/leads')
        .set(asUser('manager-7', 'division-manager', 'south'))
        .send({ ...lead, territory: 'hamburg' });

      const defined = await http()
        .post('/segments')
        .set(manager)
        .send({ name: 'Berlin', criteria: { territories: ['berlin'] } });
      const segmentId = defined.body.segmentId as string;
      await rematched();
      const afterDefine = await http().get(`/leads/${leadId}`).set(headers);
      expect(afterDefine.body.segmentIds).toEqual([segmentId]);
      const rematch = (await store.readStream(`lead-${leadId}`)).find((event) => event.type === 'LeadSegmentsMatched');
      expect(rematch?.metadata).toMatchObject({ divisionId: 'north', actor: { userId: 'salesos:segment-rematch' } });

      await http()
        .put(`/segments/${segmentId}`)
        .set({ ...manager, 'If-Match': '"1"' })
        .send({ name: 'Hamburg', criteria: { territories: ['hamburg'] } });
      await rematched();
      expect((await http().get(`/leads/${leadId}`).set(headers)).body.segmentIds).toEqual([]);
      expect((await http().get(`/leads/${closedId}`).set(headers)).body.segmentIds).toEqual([]);
      const south = await http()
        .get(`/leads/${southLead.body.leadId as string}`)
        .set(asUser('manager-7', 'division-manager', 'south'));
      expect(south.body.segmentIds).toEqual([]);

      await revise(leadId, { territory: 'hamburg' });
      expect((await http().get(`/leads/${leadId}`).set(headers)).body.segmentIds).toEqual([segmentId]);
      await http().post(`/segments/${segmentId}/retirement`).set(manager).send({ reason: 'merged into north' });
      await rematched();
      expect((await http().get(`/leads/${leadId}`).set(headers)).body.segmentIds).toEqual([]);
    });

    it('resume from their checkpoint after a restart, rematching each lead once', async () => {
      const leadId = await capture();
      await http()
        .post('/segments')
        .set(manager)
        .send({ name: 'Berlin', criteria: { territories: ['berlin'] } });
      await rematched();
      await app.close();
      app = await createLeadsApp({ auth: testAuth.verifier, store, logger: silentLogger });
      await app.init();
      await recordTestDivisions(app);
      await rematched();
      const matches = (await store.readStream(`lead-${leadId}`)).filter(
        (event) => event.type === 'LeadSegmentsMatched',
      );
      expect(matches).toHaveLength(1);
    });
  });
});
