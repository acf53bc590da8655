import request from 'supertest';
import { eachTestStaffingApp, TestClock } from '../../testing';
import { callers, mira, recordNorth } from './people-api.fixture';

const { manager, eastLead, analyst, dealer } = callers;
const ada = {
  ...mira,
  personId: 'p-ada',
  name: 'Ada Berg',
  email: 'ada@example.com',
  unitId: 'west',
  userId: 'rep-ada',
};

/** Every route of the people API, aimed at Mira (east, rep-mira) or at Ada (west, rep-ada). */
const routes = (personId: string) => ({
  read: { method: 'get', path: `/people/${personId}` },
  plan: {
    method: 'put',
    path: `/people/${personId}/onboarding-plan`,
    body: { tasks: [{ taskId: 'accounts', title: 'Accounts', dueDay: 0 }] },
  },
  tick: { method: 'post', path: `/people/${personId}/onboarding-plan/tasks/accounts/completion` },
  ramp: { method: 'put', path: `/people/${personId}/ramp-schedule`, body: { monthlyShares: [0.5, 1] } },
  leave: { method: 'post', path: `/people/${personId}/leave`, body: { startsOn: '2026-05-04', reason: 'Leave' } },
  return: { method: 'post', path: `/people/${personId}/return`, body: { returnsOn: '2026-05-11' } },
  transfer: {
    method: 'post',
    path: `/people/${personId}/transfers`,
    body: { toPositionId: 'senior-account-executive', effectiveOn: '2026-06-01', reason: 'Promoted' },
  },
  departure: {
    method: 'post',
    path: `/people/${personId}/departure`,
    body: { departedOn: '2026-12-01', reason: 'Moved abroad' },
  },
});
type Route = keyof ReturnType<typeof routes>;
const order: Route[] = ['read', 'plan', 'tick', 'ramp', 'leave', 'return', 'transfer', 'departure'];

describe('people API: who may do what to whom', () => {
  const clock = new TestClock();
  const current = eachTestStaffingApp({ clock });
  const http = () => request(current().app.getHttpServer() as Parameters<typeof request>[0]);
  const events = async () => (await current().store.readAll({ maxCount: 10_000 })).events.length;
  const send = (route: { method: string; path: string; body?: object }, caller: Record<string, string>) => {
    const pending = http()[route.method as 'get' | 'put' | 'post'](route.path).set(caller);
    return route.body === undefined ? pending : pending.send(route.body);
  };
  /** Each route in order against one person, as one caller: the statuses, and whether anything was stored. */
  const answers = async (personId: string, caller: Record<string, string>) => {
    const statuses: Record<string, number> = {};
    for (const route of order) {
      const before = await events();
      const response = await send(routes(personId)[route], caller);
      statuses[route] = response.status;
      if (response.status >= 300) expect({ route, stored: (await events()) - before }).toEqual({ route, stored: 0 });
    }
    return statuses;
  };
  const listed = async (caller: Record<string, string>, query = '') =>
    ((await http().get(`/people${query}`).set(caller)).body.items as Array<{ personId: string }>).map(
      (person) => person.personId,
    );

  beforeEach(async () => {
    clock.setDay('2026-04-15');
    await recordNorth(current().app);
    await http().post('/people').set(manager).send(ada).expect(201);
  });

  const all = (status: number) => Object.fromEntries(order.map((route) => [route, status]));
  const everything = all(200);
  const asTheyCare = { ...all(200), transfer: 403, departure: 403 };

  it.each([
    ['a division manager', callers.manager, everything],
    ['an admin', callers.admin, everything],
    ['a sales director', callers.director, everything],
  ])('lets %s do everything to anyone of the division', async (_label, caller, expected) => {
    for (const personId of ['p-mira', 'p-ada']) {
      const statuses = await answers(personId, caller);
      expect({ personId, statuses }).toEqual({ personId, statuses: { ...expected, transfer: 201 } });
    }
  });

  it('lets a team lead look after the people of the unit they manage, not others, whatever their token names', async () => {
    expect(await answers('p-mira', eastLead)).toEqual(asTheyCare);
    expect(await answers('p-ada', eastLead)).toEqual({ ...all(404), transfer: 403, departure: 403 });
    expect(await listed(eastLead)).toEqual(['p-lead', 'p-mira']);
    expect(await listed(eastLead, '?unitId=west')).toEqual([]);
  });

  it('hands a person to the lead of the unit they move to on the day the move takes effect', async () => {
    await send(routes('p-mira').transfer, manager).expect(201);
    await http()
      .post('/people/p-mira/transfers')
      .set(manager)
      .send({ toUnitId: 'west', effectiveOn: '2026-07-01', reason: 'West needs her' })
      .expect(201);
    clock.setDay('2026-06-30');
    expect((await send(routes('p-mira').read, eastLead)).status).toBe(200);
    clock.setDay('2026-07-01');
    expect((await send(routes('p-mira').read, eastLead)).status).toBe(404);
    expect(await listed(eastLead, '?asOf=2026-06-30')).toEqual(['p-lead']);
  });

  it('gives a lead the units of the day’s manager assignments: a lead assigned later reaches from that day', async () => {
    await http()
      .post('/units/west/managers')
      .set(manager)
      .send({ personId: 'p-lead', effectiveOn: '2026-05-01' })
      .expect(201);
    expect((await send(routes('p-ada').read, eastLead)).status).toBe(404);
    clock.setDay('2026-05-01');
    expect((await send(routes('p-ada').read, eastLead)).status).toBe(200);
    expect(await listed(eastLead)).toEqual(['p-ada', 'p-lead', 'p-mira']);
  });

  it('shows a rep their own record and nothing else, and lets them change none of it', async () => {
    expect(await answers('p-mira', callers.mira)).toEqual({ ...all(403), read: 200 });
    expect(await answers('p-ada', callers.mira)).toEqual({ ...all(403), read: 404 });
    expect(await listed(callers.mira)).toEqual(['p-mira']);
    expect(await listed(callers.otherRep)).toEqual([]);
  });

  it('lets an analyst read everyone and change nothing, and a dealer’s users see nothing', async () => {
    expect(await answers('p-ada', analyst)).toEqual({ ...all(403), read: 200 });
    expect(await listed(analyst)).toEqual(['p-ada', 'p-lead', 'p-mira']);
    expect(await answers('p-mira', dealer)).toEqual(all(403));
    expect((await http().get('/people').set(dealer)).status).toBe(403);
  });

  it('keeps hiring to the division-wide roles', async () => {
    const before = await events();
    for (const caller of [eastLead, callers.mira, analyst, dealer]) {
      const response = await http()
        .post('/people')
        .set(caller)
        .send({ ...ada, personId: 'p-new' });
      expect(response.status).toBe(403);
    }
    expect(await events()).toBe(before);
  });
});
