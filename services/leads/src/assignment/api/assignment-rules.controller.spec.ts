import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MemoryEventStore } from '@salesos/event-store';
import { createLeadsApp } from '../../leads-app';
import { recordTestDivisions } from '../../testing';
import { asUser, testAuth } from '@salesos/auth/testing';

const headers = asUser('manager-1', 'division-manager', 'north');
const rules = [
  { kind: 'territory-segment', ruleId: 'berlin-desk', territory: 'berlin', repId: 'rep-berlin' },
  { kind: 'round-robin', ruleId: 'inside-sales', teamId: 'team-inside', repIds: ['rep-1', 'rep-2'] },
];

describe('assignment rules API', () => {
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
  let n = 0;
  const capture = (territory?: string, extra: Record<string, string> = {}) =>
    http()
      .post('/leads')
      .set(headers)
      .set(extra)
      .send({
        source: 'web',
        contact: { name: `Lead ${(n += 1)}` },
        company: { name: `Company ${n}` },
        ...(territory ? { territory } : {}),
      });

  it('assigns captured leads by the first rule that applies, recording the rule, round robin in turn', async () => {
    const set = await http().put('/assignment-rules').set(headers).send({ rules });
    expect(set.status).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect((await http().get('/assignment-rules').set(headers)).body.rules).toEqual(rules);

    const berlin = await capture('berlin');
    expect(berlin.body).toMatchObject({
      ownerRepId: 'rep-berlin',
      assignmentRule: { kind: 'territory-segment', ruleId: 'berlin-desk', detail: 'territory berlin' },
      version: 3,
    });
    const owners = [];
    for (let index = 0; index < 4; index += 1) owners.push((await capture('hamburg')).body.ownerRepId as string);
    expect(owners).toEqual(['rep-1', 'rep-2', 'rep-1', 'rep-2']);

    const retried = { source: 'web', contact: { name: 'Retried' }, company: { name: 'Retried Co' } };
    const keyed = () => http().post('/leads').set(headers).set('Idempotency-Key', 'import-7');
    const first = await keyed().send(retried);
    const again = await keyed().send(retried);
    expect(again.body).toEqual(first.body);
    // The key with another request is not a retry.
    expect((await keyed().send({ ...retried, contact: { name: 'x' } })).status).toBe(422);
    expect((await http().get(`/leads/${first.body.leadId}`).set(headers)).body.ownerRepId).toBe(first.body.ownerRepId);
  });

  it('leaves a lead unassigned when no rule applies, and keeps divisions apart', async () => {
    await http()
      .put('/assignment-rules')
      .set(headers)
      .send({ rules: [rules[0]] });
    const lead = await capture('munich');
    expect(lead.body.ownerRepId).toBeUndefined();
    expect(
      (
        await http()
          .get('/assignment-rules')
          .set(asUser('manager-1', 'division-manager', 'south'))
      ).body.rules,
    ).toEqual([]);
  });

  it('refuses invalid rules naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ rules: [{ kind: 'lottery', ruleId: 'r' }] }, 'rules[0].kind'],
      [{ rules: [{ kind: 'round-robin', ruleId: 'r', teamId: 't', repIds: [] }] }, 'rules[0].repIds'],
      [{ rules: [{ kind: 'territory-segment', ruleId: 'r' }] }, 'rules[0].repId'],
      [{ rules: [{ kind: 'least-loaded', ruleId: 'bad id', teamId: 't', repIds: ['a'] }] }, 'rules[0].ruleId'],
      [{ rules: 'all of them' }, 'rules'],
      [{ rules: [rules[0], rules[0]] }, 'rules'],
    ];
    for (const [body, field] of cases) {
      const response = await http().put('/assignment-rules').set(headers).send(body);
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
  });
});
