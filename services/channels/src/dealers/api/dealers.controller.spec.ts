import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { createChannelsApp } from '../../channels-app';

const manager = asUser('manager-7', 'division-manager', 'north');
const southManager = asUser('manager-9', 'division-manager', 'south');
const rep = asUser('rep-1', 'rep', 'north');
const teamLead = asUser('lead-1', 'team-lead', 'north', { teams: ['t-1'] });
const analyst = asUser('analyst-1', 'analyst', 'north');
const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'nordbau' });
const otherDealerUser = asUser('dealer-user-2', 'dealer', 'north', { dealerId: 'someone-else' });

const channels = {
  'dealers-dach': { name: 'Dealers DACH', kind: 'dealer', productGroups: ['presses'], territories: ['de', 'at'] },
  online: { name: 'Web shop', kind: 'online', productGroups: ['presses'], territories: ['de'] },
  direct: { name: 'Direct', kind: 'direct', productGroups: ['presses'], territories: ['de'] },
};
const application = {
  dealerId: 'nordbau',
  companyName: 'Nordbau GmbH',
  contactEmail: 'sales@nordbau.example',
  channelId: 'dealers-dach',
  territories: ['de-north', 'de-east'],
  productGroups: ['presses', 'spare-parts'],
};
const checklist = [
  'trade-register-extract',
  'signed-agreement',
  'bank-details',
  'certified-salespeople',
  'first-order',
];

describe('dealers API: a dealer from application to termination', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store });
    await app.init();
    for (const [channelId, channel] of Object.entries(channels)) {
      await request(app.getHttpServer()).put(`/channels/${channelId}`).set(manager).send(channel).expect(200);
    }
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());
  const events = async () => (await store.readAll({ maxCount: 10_000 })).events.length;
  const apply = (changes: object = {}, caller = manager) =>
    http()
      .post('/dealers')
      .set(caller)
      .send({ ...application, ...changes });
  /** Applies, approves and ticks the whole checklist of `nordbau`. */
  const onboarded = async () => {
    await apply().expect(201);
    await http().post('/dealers/nordbau/approval').set(manager).expect(200);
    for (const requirementId of checklist) {
      await http()
        .put(`/dealers/nordbau/requirements/${requirementId}`)
        .set(manager)
        .send({ evidence: 'on file' })
        .expect(200);
    }
  };
  const expectField = (response: request.Response, field: string) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  it('runs the whole lifecycle: apply, approve, tick each requirement, activate, suspend, reinstate, terminate', async () => {
    const applied = await apply();
    expect(applied.status).toBe(201);
    expect(applied.headers.etag).toBe('"1"');
    expect(applied.headers.location).toBe('/dealers/nordbau');
    expect(applied.body).toMatchObject({
      ...application,
      divisionId: 'north',
      status: 'applied',
      channelKind: 'dealer',
      appliedBy: 'manager-7',
      requirements: [],
      openRequirements: [],
      version: 1,
    });

    const approved = await http().post('/dealers/nordbau/approval').set(manager).set('If-Match', '"1"');
    expect(approved.status).toBe(200);
    expect(approved.headers.etag).toBe('"2"');
    expect(approved.body.status).toBe('onboarding');
    expect(approved.body.openRequirements.map((item: { requirementId: string }) => item.requirementId)).toEqual(
      checklist,
    );

    let version = 2;
    for (const requirementId of checklist) {
      const ticked = await http()
        .put(`/dealers/nordbau/requirements/${requirementId}`)
        .set(manager)
        .set('If-Match', `"${version}"`)
        .send({ evidence: `${requirementId} seen`, evidenceUrl: 'https://files.example/nordbau.pdf' });
      expect(ticked.status).toBe(200);
      version += 1;
      expect(ticked.headers.etag).toBe(`"${version}"`);
      expect(ticked.body.ticks).toContainEqual(
        expect.objectContaining({
          requirementId,
          evidence: `${requirementId} seen`,
          evidenceUrl: 'https://files.example/nordbau.pdf',
          tickedBy: 'manager-7',
        }),
      );
    }

    const activated = await http().post('/dealers/nordbau/activation').set(manager).set('If-Match', `"${version}"`);
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'active', openRequirements: [] });

    const suspended = await http().post('/dealers/nordbau/suspension').set(manager).send({ reason: 'Unpaid invoices' });
    expect(suspended.body).toMatchObject({ status: 'suspended', suspensionReason: 'Unpaid invoices' });

    const reinstated = await http().post('/dealers/nordbau/reinstatement').set(manager);
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.status).toBe('active');
    expect(reinstated.body).not.toHaveProperty('suspensionReason');

    const terminated = await http()
      .post('/dealers/nordbau/termination')
      .set(manager)
      .send({ reason: 'Left the market', effectiveDay: '2099-06-30' });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({
      status: 'terminated',
      termination: { reason: 'Left the market', effectiveDay: '2099-06-30' },
    });

    const read = await http().get('/dealers/nordbau').set(rep);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe(terminated.headers.etag);
    expect(read.body).toMatchObject({
      status: 'terminated',
      version: Number(JSON.parse(String(terminated.headers.etag))),
    });
    expect(read.body.ticks).toHaveLength(checklist.length);
  });

  it('rejects an application with its reason', async () => {
    await apply().expect(201);
    const rejected = await http().post('/dealers/nordbau/rejection').set(manager).send({ reason: 'No workshop' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'No workshop' });
  });

  it('gives a dealer users and takes them away again', async () => {
    await onboarded();
    const added = await http().put('/dealers/nordbau/users/dealer-user-1').set(manager);
    expect(added.status).toBe(200);
    expect(added.body.userIds).toEqual(['dealer-user-1']);
    const removed = await http().post('/dealers/nordbau/users/dealer-user-1/removal').set(manager);
    expect(removed.status).toBe(200);
    expect(removed.body.userIds).toEqual([]);
  });

  it('passes the kind of the channel to the checklist, and refuses direct and online channels naming channelKind', async () => {
    await http()
      .put('/channels/retail-de')
      .set(manager)
      .send({ ...channels['dealers-dach'], kind: 'retail' })
      .expect(200);
    const retail = await apply({ dealerId: 'shop-1', channelId: 'retail-de' });
    expect(retail.body.channelKind).toBe('retail');
    const approved = await http().post('/dealers/shop-1/approval').set(manager);
    expect(approved.body.openRequirements.map((item: { requirementId: string }) => item.requirementId)).toContain(
      'point-of-sale-display',
    );
    const before = await events();
    for (const channelId of ['online', 'direct']) {
      const refused = await apply({ dealerId: `d-${channelId}`, channelId });
      expectField(refused, 'channelKind');
    }
    expect(await events()).toBe(before);
  });

  it('refuses a channel the division does not have, or a retired one, naming channelId', async () => {
    expectField(await apply({ channelId: 'nowhere' }), 'channelId');
    await http().post('/channels/online/retirement').set(manager).send({ reason: 'Closed' }).expect(201);
    const retired = await apply({ channelId: 'online' });
    expect(retired.status).toBe(409);
    expect(retired.body.errors).toEqual([expect.objectContaining({ field: 'channelId' })]);
  });

  it('refuses a second application for a dealer id with 409 naming its state', async () => {
    await apply().expect(201);
    const again = await apply();
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DEALER_ALREADY_EXISTS', dealerStatus: 'applied' });
  });

  describe('refusals of the state, each a 409 naming it, writing nothing', () => {
    it.each([
      ['approving a rejected application', 'rejected', 'post', 'approval', undefined],
      ['rejecting an onboarding dealer', 'onboarding', 'post', 'rejection', { reason: 'Too late' }],
      ['ticking while applied', 'applied', 'put', 'requirements/bank-details', { evidence: 'seen' }],
      ['activating while applied', 'applied', 'post', 'activation', undefined],
      ['suspending while onboarding', 'onboarding', 'post', 'suspension', { reason: 'x' }],
      ['reinstating an onboarding dealer', 'onboarding', 'post', 'reinstatement', undefined],
      ['terminating an application', 'applied', 'post', 'termination', { reason: 'x', effectiveDay: '2099-01-01' }],
      ['adding a user to an application', 'applied', 'put', 'users/u-1', undefined],
      ['removing a user from an application', 'applied', 'post', 'users/u-1/removal', undefined],
      ['approving an active dealer', 'active', 'post', 'approval', undefined],
      ['ticking for an active dealer', 'active', 'put', 'requirements/bank-details', { evidence: 'seen' }],
      ['reinstating a terminated dealer', 'terminated', 'post', 'reinstatement', undefined],
      ['suspending a terminated dealer', 'terminated', 'post', 'suspension', { reason: 'x' }],
    ] as const)('refuses %s', async (_label, status, method, suffix, body) => {
      if (status === 'applied' || status === 'rejected') await apply().expect(201);
      if (status === 'rejected') {
        await http().post('/dealers/nordbau/rejection').set(manager).send({ reason: 'No' }).expect(200);
      }
      if (status === 'onboarding') await onboarded();
      if (status === 'active' || status === 'terminated') {
        await onboarded();
        await http().post('/dealers/nordbau/activation').set(manager).expect(200);
      }
      if (status === 'terminated') {
        await http()
          .post('/dealers/nordbau/termination')
          .set(manager)
          .send({ reason: 'Gone', effectiveDay: '2099-01-01' })
          .expect(200);
      }
      const before = await events();
      const call = http()[method](`/dealers/nordbau/${suffix}`).set(manager);
      const refused = await (body === undefined ? call : call.send(body));
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'DEALER_INVALID_TRANSITION', dealerStatus: status });
      expect(refused.body.detail).toContain(`is ${status}`);
      expect(await events()).toBe(before);
    });

    it('refuses activation while requirements are open, listing them', async () => {
      await apply().expect(201);
      await http().post('/dealers/nordbau/approval').set(manager).expect(200);
      await http()
        .put('/dealers/nordbau/requirements/bank-details')
        .set(manager)
        .send({ evidence: 'seen' })
        .expect(200);
      const before = await events();
      const refused = await http().post('/dealers/nordbau/activation').set(manager);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'DEALER_REQUIREMENTS_OPEN',
        dealerStatus: 'onboarding',
        openRequirementIds: checklist.filter((id) => id !== 'bank-details'),
      });
      expect(await events()).toBe(before);
    });
  });

  it('refuses a requirement not on the checklist, an evidence link that is no web address and a day before the application, each naming the field', async () => {
    await onboarded();
    expectField(
      await http().put('/dealers/nordbau/requirements/credit-check').set(manager).send({ evidence: 'seen' }),
      'requirementId',
    );
    await http().post('/dealers/nordbau/activation').set(manager).expect(200);
    expectField(
      await http().post('/dealers/nordbau/termination').set(manager).send({ reason: 'x', effectiveDay: '2000-01-01' }),
      'effectiveDay',
    );
  });

  describe('invalid input on every endpoint: 400 naming the field, writing nothing', () => {
    it.each([
      ['a dealer id that is no id', { dealerId: 'no spaces' }, 'dealerId'],
      ['no dealer id', { dealerId: undefined }, 'dealerId'],
      ['no company name', { companyName: undefined }, 'companyName'],
      ['a company name too long', { companyName: 'x'.repeat(201) }, 'companyName'],
      ['a contact email that is none', { contactEmail: 'nobody' }, 'contactEmail'],
      ['a channel id that is no id', { channelId: 'a b' }, 'channelId'],
      ['no territories', { territories: [] }, 'territories'],
      ['territories that are no list', { territories: 'de' }, 'territories'],
      ['a territory listed twice', { territories: ['de', 'at', 'de'] }, 'territories[2]'],
      ['a product group that is no id', { productGroups: ['no spaces'] }, 'productGroups'],
      ['a product group listed twice', { productGroups: ['a', 'a'] }, 'productGroups[1]'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('POST /dealers refuses %s', async (_label, changes, field) => {
      expectField(await apply(changes), field);
      expect(await events()).toBe(3);
    });

    it.each([
      ['post', '/dealers/nordbau/rejection', {}, 'reason'],
      ['post', '/dealers/nordbau/rejection', { reason: 'x'.repeat(501) }, 'reason'],
      ['post', '/dealers/nordbau/suspension', { reason: '' }, 'reason'],
      ['post', '/dealers/nordbau/termination', { reason: 'x' }, 'effectiveDay'],
      ['post', '/dealers/nordbau/termination', { reason: 'x', effectiveDay: '2026-02-30' }, 'effectiveDay'],
      ['post', '/dealers/nordbau/termination', { effectiveDay: '2099-01-01' }, 'reason'],
      ['put', '/dealers/nordbau/requirements/bank-details', {}, 'evidence'],
      ['put', '/dealers/nordbau/requirements/bank-details', { evidence: 'x'.repeat(1001) }, 'evidence'],
      [
        'put',
        '/dealers/nordbau/requirements/bank-details',
        { evidence: 'x', evidenceUrl: 'ftp://x.example/a' },
        'evidenceUrl',
      ],
      ['put', '/dealers/nordbau/requirements/bank-details', { evidence: 'x', evidenceUrl: null }, 'evidenceUrl'],
    ] as const)('%s %s refuses %j', async (method, path, body, field) => {
      await onboarded();
      const before = await events();
      expectField(await http()[method](path).set(manager).send(body), field);
      expect(await events()).toBe(before);
    });

    it.each([
      ['get', '/dealers/a%20b', 'dealerId'],
      ['post', '/dealers/a%20b/approval', 'dealerId'],
      ['post', '/dealers/a%20b/activation', 'dealerId'],
      ['post', '/dealers/a%20b/reinstatement', 'dealerId'],
      ['put', '/dealers/nordbau/requirements/a%20b', 'requirementId'],
      ['put', '/dealers/nordbau/users/a%20b', 'userId'],
      ['put', '/dealers/a%20b/users/u-1', 'dealerId'],
      ['post', '/dealers/nordbau/users/a%20b/removal', 'userId'],
      ['get', '/dealers?status=sleeping', 'status'],
      ['get', '/dealers?channelId=a%20b', 'channelId'],
      ['get', '/dealers?q=', 'q'],
      ['get', '/dealers?pageSize=201', 'pageSize'],
      ['get', '/dealers?page=0', 'page'],
      ['get', '/dealers?colour=red', 'colour'],
      ['get', '/dealers/export?status=sleeping', 'status'],
      ['get', '/dealers/export?page=2', 'page'],
      ['get', '/dealers/nordbau?expand=all', 'expand'],
    ] as const)('%s %s refuses the %s', async (method, path, field) => {
      const call = http()[method](path).set(manager);
      const body = path.includes('requirements') ? { evidence: 'seen' } : undefined;
      expectField(await (body === undefined ? call : call.send(body)), field);
      expect(await events()).toBe(3);
    });
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    await apply().expect(201);
    await http().post('/dealers/nordbau/approval').set(manager).expect(200);
    const before = await events();
    for (const [method, suffix, body] of [
      ['post', 'suspension', { reason: 'x' }],
      ['put', 'requirements/bank-details', { evidence: 'seen' }],
      ['post', 'approval', undefined],
      ['put', 'users/u-1', undefined],
    ] as const) {
      const call = http()[method](`/dealers/nordbau/${suffix}`).set(manager).set('If-Match', '"1"');
      const stale = await (body === undefined ? call : call.send(body));
      expect({ suffix, status: stale.status }).toEqual({ suffix, status: 412 });
    }
    expect(await events()).toBe(before);
  });

  it('answers a dealer of another division, or none, as not found', async () => {
    await apply().expect(201);
    expect((await http().get('/dealers/nordbau').set(southManager)).status).toBe(404);
    expect((await http().post('/dealers/nordbau/approval').set(southManager)).status).toBe(404);
    expect((await http().get('/dealers/nobody').set(manager)).status).toBe(404);
    expect((await http().get('/dealers').set(southManager)).body.items).toEqual([]);
  });

  it('lets setup roles run the lifecycle, everyone else in the division read, and analysts change nothing', async () => {
    await apply().expect(201);
    const before = await events();
    for (const caller of [rep, teamLead, analyst, dealerUser]) {
      expect((await apply({ dealerId: 'other' }, caller)).status).toBe(403);
      expect((await http().post('/dealers/nordbau/approval').set(caller)).status).toBe(403);
      expect((await http().post('/dealers/nordbau/rejection').set(caller).send({ reason: 'x' })).status).toBe(403);
      expect((await http().put('/dealers/nordbau/users/u-9').set(caller)).status).toBe(403);
    }
    for (const caller of [rep, teamLead, analyst]) {
      expect((await http().get('/dealers/nordbau').set(caller)).status).toBe(200);
      expect((await http().get('/dealers').set(caller)).body.total).toBe(1);
      expect(
        (await http().put('/dealers/nordbau/requirements/bank-details').set(caller).send({ evidence: 'x' })).status,
      ).toBe(403);
    }
    expect(await events()).toBe(before);
    for (const [dealerId, caller] of [
      ['by-admin', { ...asUser('admin-1', 'admin', 'north'), 'X-Division-Id': 'north' }],
      ['by-director', { ...asUser('director-1', 'sales-director', 'north'), 'X-Division-Id': 'north' }],
    ] as const) {
      const applied = await apply({ dealerId }, caller);
      expect({ dealerId, status: applied.status }).toEqual({ dealerId, status: 201 });
    }
  });

  it("lets a dealer's users read and tick only their own dealer, never approve, activate or suspend it", async () => {
    await apply().expect(201);
    await apply({ dealerId: 'someone-else', companyName: 'Someone Else AG' }).expect(201);
    await http().post('/dealers/nordbau/approval').set(manager).expect(200);
    await http().post('/dealers/someone-else/approval').set(manager).expect(200);

    const own = await http().get('/dealers/nordbau').set(dealerUser);
    expect(own.status).toBe(200);
    expect(own.headers.etag).toBe('"2"');
    const list = await http().get('/dealers').set(dealerUser);
    expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ dealerId: 'nordbau' })] });
    const exported = await http().get('/dealers/export').set(dealerUser);
    expect(exported.text).toContain('Nordbau GmbH');
    expect(exported.text).not.toContain('Someone Else AG');

    const ticked = await http()
      .put('/dealers/nordbau/requirements/bank-details')
      .set(dealerUser)
      .set('If-Match', '"2"')
      .send({ evidence: 'Bank letter uploaded', evidenceUrl: 'https://files.example/bank.pdf' });
    expect(ticked.status).toBe(200);
    expect(ticked.body.ticks).toEqual([
      expect.objectContaining({ requirementId: 'bank-details', tickedBy: 'dealer-user-1' }),
    ]);

    const before = await events();
    expect((await http().get('/dealers/someone-else').set(dealerUser)).status).toBe(404);
    expect(
      (await http().put('/dealers/someone-else/requirements/bank-details').set(dealerUser).send({ evidence: 'x' }))
        .status,
    ).toBe(404);
    expect((await http().get('/dealers/nordbau').set(otherDealerUser)).status).toBe(404);
    for (const suffix of ['approval', 'activation', 'reinstatement']) {
      expect((await http().post(`/dealers/nordbau/${suffix}`).set(dealerUser)).status).toBe(403);
    }
    expect((await http().post('/dealers/nordbau/suspension').set(dealerUser).send({ reason: 'x' })).status).toBe(403);
    expect(
      (
        await http()
          .post('/dealers/nordbau/termination')
          .set(dealerUser)
          .send({ reason: 'x', effectiveDay: '2099-01-01' })
      ).status,
    ).toBe(403);
    expect((await http().post('/dealers/nordbau/users/u-1/removal').set(dealerUser)).status).toBe(403);
    expect(await events()).toBe(before);
  });

  it('lists the division’s dealers filtered and paged in a stable order', async () => {
    await apply({ dealerId: 'd-3', companyName: 'Zeta 50% Handel' }).expect(201);
    await apply({ dealerId: 'd-1', companyName: 'alpha Bau' }).expect(201);
    await apply({ dealerId: 'd-2', companyName: 'Beta BAU KG' }).expect(201);
    await http().post('/dealers/d-2/approval').set(manager).expect(200);
    await apply({ dealerId: 'd-9', companyName: 'Alpha Bau', channelId: 'dealers-dach' }).expect(201);

    const all = await http().get('/dealers').set(rep);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
    expect(all.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['d-1', 'd-9', 'd-2', 'd-3']);

    const paged = await http().get('/dealers?page=2&pageSize=2').set(rep);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(paged.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['d-2', 'd-3']);

    const byStatus = await http().get('/dealers?status=onboarding').set(rep);
    expect(byStatus.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['d-2']);
    const byName = await http().get('/dealers?q=bAu').set(rep);
    expect(byName.body.total).toBe(3);
    const literal = await http().get('/dealers?q=50%25').set(rep);
    expect(literal.body.items.map((item: { dealerId: string }) => item.dealerId)).toEqual(['d-3']);
    const wildcard = await http().get('/dealers?q=_').set(rep);
    expect(wildcard.body.total).toBe(0);
    const byChannel = await http().get('/dealers?channelId=online').set(rep);
    expect(byChannel.body.total).toBe(0);
    expect(all.body.items[0]).toMatchObject({
      dealerId: 'd-1',
      companyName: 'alpha Bau',
      status: 'applied',
      channelKind: 'dealer',
      version: 1,
    });
  });

  it('exports the dealers in reach as CSV with a header row, filtered like the list', async () => {
    await apply({ dealerId: 'd-1', companyName: 'Alpha, "the" Bau' }).expect(201);
    await apply({ dealerId: 'd-2', companyName: '=Beta' }).expect(201);
    await http().post('/dealers/d-2/approval').set(manager).expect(200);
    const exported = await http().get('/dealers/export').set(analyst);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.headers['content-disposition']).toContain('dealers.csv');
    expect(exported.text.split('\r\n')).toEqual([
      'dealer_id,company_name,status,channel_id,channel_kind,contact_email,territories,product_groups,applied_at',
      // By company name: '=' sorts before letters.
      expect.stringMatching(/^d-2,'=Beta,onboarding,dealers-dach,/),
      expect.stringMatching(
        /^d-1,"Alpha, ""the"" Bau",applied,dealers-dach,dealer,sales@nordbau.example,de-north;de-east,presses;spare-parts,\d{4}-/,
      ),
      '',
    ]);
    const onboarding = await http().get('/dealers/export?status=onboarding').set(analyst);
    expect(onboarding.text.split('\r\n')).toHaveLength(3);
    const none = await http().get('/dealers/export').set(southManager);
    expect(none.text.split('\r\n')).toEqual([expect.stringMatching(/^dealer_id,/), '']);
  });
});
