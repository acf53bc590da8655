import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-1', 'division-manager', 'north');
const segment = {
  name: 'Large manufacturers',
  criteria: { industries: ['manufacturing'], sizeBands: ['large', 'enterprise'] },
};

describe('segments API', () => {
  let app: INestApplication;

  beforeEach(async () => {
    app = await createLeadsApp({ auth: testAuth.verifier, store: new MemoryEventStore() });
    await app.init();
    await recordTestDivisions(app);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  it('defines a segment that the next captured lead is matched to, revises and retires it', async () => {
    const defined = await http().post('/segments').set(headers).send(segment);
    expect(defined.status).toBe(201);
    expect(defined.headers.etag).toBe('"1"');
    const lead = await http()
      .post('/leads')
      .set(headers)
      .send({
        source: 'web',
        contact: { name: 'Ada' },
        company: { name: 'Acme', industry: 'Manufacturing', sizeBand: 'large' },
      });
    expect(lead.body.segmentIds).toEqual([defined.body.segmentId]);
    expect((await http().get('/segments').set(headers)).body.items).toMatchObject([{ name: 'Large manufacturers' }]);
    expect(
      (
        await http()
          .get('/segments')
          .set(asUser('manager-1', 'division-manager', 'south'))
      ).body.items,
    ).toEqual([]);

    const path = `/segments/${defined.body.segmentId}`;
    const revised = await http()
      .put(path)
      .set(headers)
      .set('If-Match', '"1"')
      .send({ ...segment, name: 'Large and enterprise manufacturers' });
    expect(revised.body).toMatchObject({ version: 2, status: 'active' });
    expect((await http().put(path).set(headers).set('If-Match', '"1"').send(segment)).status).toBe(412);
    expect((await http().post(`${path}/retirement`).set(headers).send({ reason: 'market left' })).body).toMatchObject({
      status: 'retired',
    });
    expect((await http().get('/segments').set(headers)).body.items).toEqual([]);
    expect((await http().put(path).set(headers).send(segment)).body.code).toBe('SEGMENT_RETIRED');
  });

  it('reads a segment where POST put its Location, with its version, and only in its division', async () => {
    const defined = await http().post('/segments').set(headers).send(segment);
    const read = await http()
      .get(defined.headers.location as string)
      .set(headers);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toMatchObject({ segmentId: defined.body.segmentId, status: 'active', version: 1, ...segment });
    expect(
      (
        await http()
          .get(defined.headers.location as string)
          .set(asUser('rep-1', 'rep', 'north'))
      ).status,
    ).toBe(200);
    await http()
      .post(`${defined.headers.location as string}/retirement`)
      .set(headers)
      .send({ reason: 'done' });
    expect(
      (
        await http()
          .get(defined.headers.location as string)
          .set(headers)
      ).body,
    ).toMatchObject({
      status: 'retired',
      version: 2,
    });
    const elsewhere = await http()
      .get(defined.headers.location as string)
      .set(asUser('manager-1', 'division-manager', 'south'));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.text).not.toContain(segment.name);
    const dealer = asUser('dealer-1', 'dealer', 'north', { dealerId: 'dealer-9' });
    expect(
      (
        await http()
          .get(defined.headers.location as string)
          .set(dealer)
      ).status,
    ).toBe(403);
    expect((await http().get('/segments/7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11').set(headers)).status).toBe(404);
    expect((await http().get('/segments/abc').set(headers)).body.errors).toEqual([
      { field: 'segmentId', message: 'must be a UUID' },
    ]);
  });

  it('refuses invalid criteria naming the field, and a segment of another division as not found', async () => {
    const cases: Array<[object, string]> = [
      [{ name: 'Everyone', criteria: {} }, 'criteria'],
      [{ name: '', criteria: segment.criteria }, 'name'],
      [{ name: 'x', criteria: { sizeBands: ['giant'] } }, 'criteria.sizeBands'],
      [{ name: 'x', criteria: { priceBand: { currency: 'eur' } } }, 'criteria.priceBand.currency'],
      [{ name: 'x', criteria: { priceBand: { currency: 'EUR', min: -5 } } }, 'criteria.priceBand.min'],
      [{ name: 'x', criteria: { territories: 'berlin' } }, 'criteria.territories'],
      [{ name: 'x', criteria: { industries: ['retail'], colour: 'blue' } }, 'criteria.colour'],
    ];
    for (const [body, field] of cases) {
      const response = await http().post('/segments').set(headers).send(body);
      expect({
        field,
        status: response.status,
        fields: response.body.errors?.map((error: { field: string }) => error.field),
      }).toEqual({
        field,
        status: 400,
        fields: expect.arrayContaining([field]) as unknown,
      });
    }
    const defined = await http().post('/segments').set(headers).send(segment);
    const foreign = await http()
      .post(`/segments/${defined.body.segmentId}/retirement`)
      .set(asUser('manager-1', 'division-manager', 'south'))
      .send({ reason: 'x' });
    expect(foreign.status).toBe(404);
    expect((await http().post('/segments/abc/retirement').set(headers).send({ reason: 'x' })).body.errors).toEqual([
      { field: 'segmentId', message: 'must be a UUID' },
    ]);
  });
});
