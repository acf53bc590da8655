import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { asUser, bearer, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-7', 'division-manager', 'north');
const validLead = () => ({
  source: 'referral',
  campaign: 'spring-fair',
  contact: { name: 'Ada Lovelace', email: 'ada@acme.test', phone: '+49 30 1234567' },
  company: { name: 'Acme GmbH', industry: 'manufacturing', sizeBand: 'large' },
  territory: 'berlin',
  estimatedValue: { amount: 40000, currency: 'EUR' },
  needTags: ['automation'],
});

describe('leads API', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore({ pollIntervalMs: 10 });
    app = await createLeadsApp({ auth: testAuth.verifier, store });
    await app.init();
    await recordTestDivisions(app);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const capture = (body: unknown = validLead(), extra: Record<string, string> = {}) =>
    http()
      .post('/leads')
      .set(headers)
      .set(extra)
      .send(body as object);

  describe('POST /leads', () => {
    it('captures a lead: 201, its score with reasons, ETag and Location', async () => {
      const response = await capture();
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ version: 2, score: 58, segmentIds: [], acceptedDuplicatesOf: [] });
      expect(response.body.scoreReasons).toContainEqual({
        rule: 'source',
        points: 20,
        explanation: "source 'referral'",
      });
      expect(response.headers.etag).toBe('"2"');
      expect(response.headers.location).toBe(`/leads/${response.body.leadId}`);
      const events = await store.readStream(`lead-${response.body.leadId}`);
      expect(events.map((event) => event.type)).toEqual(['LeadCaptured', 'LeadScored']);
      expect(events[0]?.metadata).toMatchObject({
        divisionId: 'north',
        actor: { userId: 'manager-7', roles: ['division-manager'] },
      });
    });

    it('refuses a duplicate with 409 naming the existing lead, and captures it when forced', async () => {
      const first = await capture();
      const duplicate = await capture({ ...validLead(), contact: { name: 'A. L.', email: 'ADA@acme.test' } });
      expect(duplicate.status).toBe(409);
      expect(duplicate.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(duplicate.body).toMatchObject({
        status: 409,
        code: 'LEAD_DUPLICATE',
        duplicates: [
          { leadId: first.body.leadId, matchedOn: ['email', 'phone', 'company'].filter((key) => key !== 'phone') },
        ],
      });
      const forced = await capture({ ...validLead(), force: true });
      expect(forced.status).toBe(201);
      expect(forced.body.acceptedDuplicatesOf).toEqual([first.body.leadId]);
    });

    it('answers a repeated Idempotency-Key with the first answer and appends nothing', async () => {
      const first = await capture(validLead(), { 'Idempotency-Key': 'capture-42' });
      const again = await capture(validLead(), { 'Idempotency-Key': 'capture-42' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect((await store.readAll({ filter: { categories: ['lead'] } })).events).toHaveLength(2);
    });

    const invalid: Array<[string, unknown, string]> = [
      ['a missing source', { ...validLead(), source: undefined }, 'source'],
      ['an empty source', { ...validLead(), source: '' }, 'source'],
      ['a source of the wrong type', { ...validLead(), source: 42 }, 'source'],
      ['a missing contact', { ...validLead(), contact: undefined }, 'contact'],
      ['a contact that is a string', { ...validLead(), contact: 'Ada' }, 'contact'],
      ['an invalid email', { ...validLead(), contact: { name: 'Ada', email: 'not-an-email' } }, 'contact.email'],
      ['an invalid phone', { ...validLead(), contact: { name: 'Ada', phone: 'call me' } }, 'contact.phone'],
      ['an oversize company name', { ...validLead(), company: { name: 'x'.repeat(201) } }, 'company.name'],
      ['an unknown size band', { ...validLead(), company: { name: 'Acme', sizeBand: 'huge' } }, 'company.sizeBand'],
      [
        'a negative amount',
        { ...validLead(), estimatedValue: { amount: -1, currency: 'EUR' } },
        'estimatedValue.amount',
      ],
      [
        'an amount as text',
        { ...validLead(), estimatedValue: { amount: '100', currency: 'EUR' } },
        'estimatedValue.amount',
      ],
      [
        'a lower-case currency',
        { ...validLead(), estimatedValue: { amount: 1, currency: 'eur' } },
        'estimatedValue.currency',
      ],
      ['need tags that are not a list', { ...validLead(), needTags: 'automation' }, 'needTags'],
      [
        'too many need tags',
        { ...validLead(), needTags: Array.from({ length: 21 }, (_, i) => `need-${i}`) },
        'needTags',
      ],
      ['force as text', { ...validLead(), force: 'yes' }, 'force'],
      ['an unknown field', { ...validLead(), divisionId: 'south' }, 'divisionId'],
      ['an unknown nested field', { ...validLead(), contact: { name: 'Ada', twitter: '@ada' } }, 'contact.twitter'],
    ];

    it.each(invalid)('refuses %s with 400 naming the field, storing nothing', async (_label, body, field) => {
      const response = await capture(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, title: 'The request is not valid' });
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect((await store.readAll({ filter: { categories: ['lead'] } })).events).toEqual([]);
    });

    it('refuses a body that is not JSON with a problem, not a 500', async () => {
      const response = await http()
        .post('/leads')
        .set(headers)
        .set('Content-Type', 'application/json')
        .send('{"source": ');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('takes the actor from the token and the division among its grants, refusing the rest', async () => {
      const anonymous = await http()
        .post('/leads')
        .set({ 'X-User-Id': 'rep-7', 'X-User-Roles': 'admin' })
        .send(validLead());
      expect(anonymous.status).toBe(401);
      const severalDivisions = bearer({
        userId: 'manager-1',
        roles: ['division-manager'],
        divisions: ['north', 'south'],
      });
      const unnamed = await http().post('/leads').set(severalDivisions).send(validLead());
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.errors.map((error: { field: string }) => error.field)).toEqual(['X-Division-Id']);
      const notGranted = await http()
        .post('/leads')
        .set({ ...severalDivisions, 'X-Division-Id': 'east' })
        .send(validLead());
      expect(notGranted.status).toBe(403);
      const named = await http()
        .post('/leads')
        .set({ ...severalDivisions, 'X-Division-Id': 'south' })
        .send(validLead());
      expect(named.status).toBe(201);
      expect((await store.readStream(`lead-${named.body.leadId}`))[0]?.metadata).toMatchObject({
        divisionId: 'south',
        actor: { userId: 'manager-1', roles: ['division-manager'] },
      });
      const badKey = await capture(validLead(), { 'Idempotency-Key': 'spaces are not allowed' });
      expect(badKey.body.errors).toEqual([
        { field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or _ . : -' },
      ]);
    });

    it('stores injection-looking strings verbatim', async () => {
      const sneaky = `Robert'); DROP TABLE leads;-- {"$ne": null}`;
      const response = await capture({ ...validLead(), company: { name: sneaky }, contact: { name: sneaky } });
      expect(response.status).toBe(201);
      const lead = await http().get(`/leads/${response.body.leadId}`).set(headers);
      expect((await store.readStream(`lead-${response.body.leadId}`))[0]?.data).toMatchObject({
        company: { name: sneaky },
      });
      expect(lead.status).toBe(200);
    });
  });

  describe('GET /leads/:leadId', () => {
    it('reads the lead with its version as ETag', async () => {
      const { body } = await capture();
      const response = await http().get(`/leads/${body.leadId}`).set(headers);
      expect(response.status).toBe(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({
        leadId: body.leadId,
        status: 'new',
        score: 58,
        divisionId: 'north',
        version: 2,
      });
    });

    it('answers 404 for a missing lead and for another division’s lead, 400 for an id that is not a UUID', async () => {
      const { body } = await capture();
      const other = await http()
        .get(`/leads/${body.leadId}`)
        .set(asUser('manager-7', 'division-manager', 'south'));
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ code: 'LEAD_NOT_FOUND' });
      expect((await http().get('/leads/7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11').set(headers)).status).toBe(404);
      const malformed = await http().get('/leads/42').set(headers);
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'leadId', message: 'must be a UUID' }]);
    });
  });

  describe('lead actions', () => {
    it('qualify, assign, nurture and disqualify, each answering the new version', async () => {
      const { body } = await capture();
      const path = `/leads/${body.leadId}`;
      const qualified = await http()
        .post(`${path}/qualification`)
        .set(headers)
        .set('If-Match', '"2"')
        .send({ note: 'budget confirmed' });
      expect(qualified.status).toBe(200);
      expect(qualified.body).toEqual({ leadId: body.leadId, version: 3, status: 'qualified' });
      expect(qualified.headers.etag).toBe('"3"');
      expect((await http().put(`${path}/owner`).set(headers).send({ repId: 'rep-9' })).body).toMatchObject({
        version: 4,
      });
      expect((await http().post(`${path}/nurturing`).set(headers).send({ until: '2026-06-01' })).body).toMatchObject({
        status: 'nurturing',
      });
      expect(
        (await http().post(`${path}/disqualification`).set(headers).send({ reason: 'no budget' })).body,
      ).toMatchObject({
        status: 'disqualified',
        version: 6,
      });
    });

    it('lets one of two updates with the same If-Match through and answers the other 412', async () => {
      const { body } = await capture();
      const path = `/leads/${body.leadId}`;
      const [a, b] = await Promise.all([
        http().post(`${path}/qualification`).set(headers).set('If-Match', '"2"').send({}),
        http().post(`${path}/disqualification`).set(headers).set('If-Match', '"2"').send({ reason: 'no budget' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const refused = a.status === 412 ? a : b;
      expect(refused.body).toMatchObject({ status: 412, currentVersion: 3 });
      expect(await store.readStream(`lead-${body.leadId}`)).toHaveLength(3);
    });

    it('refuses a malformed If-Match, a broken rule and invalid bodies', async () => {
      const { body } = await capture();
      const path = `/leads/${body.leadId}`;
      const malformed = await http().post(`${path}/qualification`).set(headers).set('If-Match', 'three').send({});
      expect(malformed.body.errors).toEqual([
        { field: 'If-Match', message: 'must be an ETag this API returned, like "3"' },
      ]);
      const merge = await http().post(`${path}/merge`).set(headers).send({ intoLeadId: body.leadId });
      expect(merge.status).toBe(409);
      expect(merge.body.code).toBe('LEAD_SELF_MERGE');
      await http().post(`${path}/disqualification`).set(headers).send({ reason: 'no budget' });
      const requalify = await http().post(`${path}/qualification`).set(headers).send({});
      expect(requalify.status).toBe(409);
      expect(requalify.body).toMatchObject({ code: 'LEAD_INVALID_TRANSITION', leadStatus: 'disqualified' });
      const cases: Array<[string, string, unknown, string]> = [
        ['post', 'disqualification', {}, 'reason'],
        ['post', 'disqualification', { reason: 'x'.repeat(201) }, 'reason'],
        ['post', 'nurturing', { until: 'next spring' }, 'until'],
        ['put', 'owner', { repId: 'rep 9' }, 'repId'],
        ['post', 'merge', { intoLeadId: 'lead-0' }, 'intoLeadId'],
        ['post', 'qualification', { note: 7 }, 'note'],
        ['post', 'qualification', { priority: 'high' }, 'priority'],
      ];
      for (const [method, action, payload, field] of cases) {
        const call = method === 'put' ? http().put(`${path}/${action}`) : http().post(`${path}/${action}`);
        const response = await call.set(headers).send(payload as object);
        expect({
          action,
          status: response.status,
          fields: response.body.errors?.map((error: { field: string }) => error.field),
        }).toEqual({
          action,
          status: 400,
          fields: expect.arrayContaining([field]) as unknown,
        });
      }
    });
  });

  describe('GET /leads', () => {
    it('filters the caller’s division and pages', async () => {
      for (let index = 0; index < 5; index += 1) {
        await capture({ ...validLead(), contact: { name: `Lead ${index}` }, company: { name: `Company ${index}` } });
      }
      await http()
        .post('/leads')
        .set(asUser('manager-7', 'division-manager', 'south'))
        .send(validLead());
      const page = await http().get('/leads?pageSize=2&page=2').set(headers);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect(page.body.items).toHaveLength(2);
      const none = await http().get('/leads?status=qualified').set(headers);
      expect(none.body.total).toBe(0);
    });

    it('refuses invalid filters naming them', async () => {
      for (const [query, field] of [
        ['pageSize=0', 'pageSize'],
        ['pageSize=500', 'pageSize'],
        ['page=first', 'page'],
        ['status=won', 'status'],
        ['colour=red', 'colour'],
      ]) {
        const response = await http().get(`/leads?${query}`).set(headers);
        const fields = [...new Set(response.body.errors?.map((error: { field: string }) => error.field))];
        expect({ query, status: response.status, fields }).toEqual({
          query,
          status: 400,
          fields: [field],
        });
      }
    });
  });

  it('answers an unexpected failure with a 500 problem that reveals nothing', async () => {
    const { body } = await capture();
    jest.spyOn(store, 'readStream').mockRejectedValueOnce(new Error('disk on fire at /var/lib/secret'));
    const response = await http().get(`/leads/${body.leadId}`).set(headers);
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({
      status: 500,
      detail: 'The request could not be completed; it has been logged.',
    });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });
});
