import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createChannelsApp } from '../../channels-app';

const manager = asUser('manager-7', 'division-manager', 'north');
const rep = asUser('rep-1', 'rep', 'north');
const dealers = { name: 'Dealers DACH', kind: 'dealer', productGroups: ['presses'], territories: ['de', 'at'] };

describe('channels API: the channels of a division', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store });
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 10_000 })).events.length;

  it('answers an empty catalogue with version 0 until the division defines a channel', async () => {
    const response = await http().get('/channels').set(rep);
    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toEqual({ version: 0, items: [] });
  });

  it('defines a channel that everyone in the division then reads, and no other division sees', async () => {
    const defined = await http().put('/channels/dealers-dach').set(manager).set('If-Match', '"0"').send(dealers);
    expect(defined.status).toBe(200);
    expect(defined.headers.etag).toBe('"1"');
    expect(defined.body.items).toEqual([
      expect.objectContaining({ channelId: 'dealers-dach', ...dealers, status: 'active' }),
    ]);

    const read = await http().get('/channels/dealers-dach').set(rep);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ channelId: 'dealers-dach', kind: 'dealer' });
    expect(
      (
        await http()
          .get('/channels')
          .set(asUser('rep-1', 'rep', 'south'))
      ).body.items,
    ).toEqual([]);
    expect(
      (
        await http()
          .get('/channels/dealers-dach')
          .set(asUser('rep-1', 'rep', 'south'))
      ).status,
    ).toBe(404);
  });

  it('retires a channel, which stays readable and cannot be defined again', async () => {
    await http().put('/channels/dealers-dach').set(manager).send(dealers).expect(200);
    const retired = await http()
      .post('/channels/dealers-dach/retirement')
      .set(manager)
      .send({ reason: 'Merged into distribution' });
    expect(retired.status).toBe(201);
    expect(retired.body.items[0]).toMatchObject({ status: 'retired' });
    const again = await http().put('/channels/dealers-dach').set(manager).send(dealers);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHANNEL_RETIRED');
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    await http().put('/channels/dealers-dach').set(manager).send(dealers).expect(200);
    const before = await events();
    const stale = await http()
      .put('/channels/online')
      .set(manager)
      .set('If-Match', '"0"')
      .send({ ...dealers, kind: 'online' });
    expect(stale.status).toBe(412);
    expect(await events()).toBe(before);
  });

  it("refuses to change a channel's kind with 409 naming the field", async () => {
    await http().put('/channels/dealers-dach').set(manager).send(dealers).expect(200);
    const changed = await http()
      .put('/channels/dealers-dach')
      .set(manager)
      .send({ ...dealers, kind: 'retail' });
    expect(changed.status).toBe(409);
    expect(changed.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it.each([
    ['an unknown kind', { ...dealers, kind: 'telepathy' }, 'kind'],
    ['a missing name', { ...dealers, name: undefined }, 'name'],
    ['a name too long', { ...dealers, name: 'x'.repeat(121) }, 'name'],
    ['a product group that is no id', { ...dealers, productGroups: ['no spaces'] }, 'productGroups'],
    ['territories that are no list', { ...dealers, territories: 'de' }, 'territories'],
    ['a product group listed twice', { ...dealers, productGroups: ['presses', 'presses'] }, 'productGroups[1]'],
    ['an unknown field', { ...dealers, colour: 'red' }, 'colour'],
  ])('refuses %s with problem+json naming the field, writing nothing', async (_label, body, field) => {
    const response = await http().put('/channels/dealers-dach').set(manager).send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await events()).toBe(0);
  });

  it('refuses a channel id that is no id, and a retirement without a reason', async () => {
    const badId = await http().put('/channels/no%20spaces').set(manager).send(dealers);
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'channelId' })]);
    const noReason = await http().post('/channels/dealers-dach/retirement').set(manager).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const unknown = await http().post('/channels/nothing/retirement').set(manager).send({ reason: 'gone' });
    expect(unknown.status).toBe(404);
  });

  it('lets only division managers, sales directors and admins define channels', async () => {
    expect((await http().put('/channels/dealers-dach').set(rep).send(dealers)).status).toBe(403);
    const analyst = asUser('analyst-1', 'analyst', 'north');
    expect((await http().put('/channels/dealers-dach').set(analyst).send(dealers)).status).toBe(403);
    expect((await http().get('/channels').set(analyst)).status).toBe(200);
    expect(await events()).toBe(0);
  });
});
