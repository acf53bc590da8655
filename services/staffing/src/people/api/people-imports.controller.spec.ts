import request from 'supertest';
import { eachTestStaffingApp, TestClock } from '../../testing';
import { callers, recordNorth } from './people-api.fixture';

const { manager } = callers;
const header = 'person_id,name,email,unit_id,position_id,hired_on,user_id';
const csv = (...lines: string[]) => `${[header, ...lines].join('\r\n')}\r\n`;

describe('people API: hiring from a CSV file, with a report on every row', () => {
  const clock = new TestClock();
  const current = eachTestStaffingApp({ clock });
  const http = () => request(current().app.getHttpServer() as Parameters<typeof request>[0]);
  const events = async () => (await current().store.readAll({ maxCount: 100_000 })).events.length;
  const upload = (body: string, caller: Record<string, string> = manager, type = 'text/csv') =>
    http().post('/people/imports').set(caller).set('Content-Type', type).send(body);
  const people = async () =>
    ((await http().get('/people?pageSize=200').set(manager)).body.items as Array<{ personId: string; name: string }>)
      .map((person) => person.personId)
      .sort();

  beforeEach(async () => {
    await recordNorth(current().app);
  });

  it('hires the good rows and names, for each bad one, the column at fault or the rule it broke', async () => {
    const report = await upload(
      csv(
        'p-ada,Ada Berg,ada@example.com,east,account-executive,2026-05-04,rep-ada',
        ',"Berg, Bo",bo@example.com,west,account-executive,2026-05-04,',
        '',
        'p-cy,Cy,not-an-email,east,account-executive,2026-05-04,',
        'p-di,Di,di@example.com,nowhere,account-executive,2026-05-04,',
        'p-mira,Mira Again,mira2@example.com,east,account-executive,2026-05-04,',
        'p-ed,Ed,ed@example.com,east,old-position,2026-02-30,',
        'p-fy,Fy,fy@example.com,east,account-executive,2026-05-04,,surplus',
        'p-gu,Gu,gu@example.com,,account-executive,2026-05-04,',
      ),
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ rows: 8, hired: 2, repeated: 0, refused: 6, blankRows: 1 });
    const [ada, bo, cy, di, mira, ed, fy, gu] = report.body.results as Array<Record<string, unknown>>;
    expect(ada).toEqual({ line: 2, outcome: 'hired', personId: 'p-ada' });
    expect(bo).toMatchObject({ line: 3, outcome: 'hired', personId: expect.any(String) as unknown });
    expect(cy).toMatchObject({
      line: 5,
      outcome: 'refused',
      code: 'PERSON_INVALID_INPUT',
      errors: [{ field: 'email' }],
    });
    expect(di).toMatchObject({ line: 6, outcome: 'refused', personId: 'p-di', errors: [{ field: 'unit_id' }] });
    expect(mira).toMatchObject({ line: 7, outcome: 'refused', code: 'PERSON_ALREADY_EXISTS', personId: 'p-mira' });
    expect((ed?.errors as Array<{ field: string }>).map((error) => error.field)).toEqual(['hired_on']);
    expect(fy).toMatchObject({ line: 9, outcome: 'refused', errors: [{ field: 'line' }] });
    expect(gu).toMatchObject({ line: 10, outcome: 'refused', errors: [{ field: 'unit_id' }] });

    expect(await people()).toEqual(['p-ada', String(bo?.personId), 'p-lead', 'p-mira'].sort());
    const read = await http()
      .get(`/people/${String(bo?.personId)}`)
      .set(manager);
    expect(read.body).toMatchObject({ name: 'Berg, Bo', status: 'upcoming', memberships: [{ unitId: 'west' }] });
    expect([read.body.userId, read.body.placement]).toEqual([undefined, undefined]);
  });

  it('takes the columns in any order and case, a byte order mark, and a file without person ids or logins', async () => {
    const report = await upload(
      '\uFEFFHired_On,Unit_Id,Position_Id,Name,Email\n2026-05-04,west,account-executive,Hu Li,hu@example.com\n',
    );
    expect(report.body).toMatchObject({ rows: 1, hired: 1, results: [{ line: 2, outcome: 'hired' }] });
  });

  it('hires nobody twice when the same file comes again under the same Idempotency-Key', async () => {
    const file = csv(
      'p-ada,Ada Berg,ada@example.com,east,account-executive,2026-05-04,',
      ',Bo Berg,bo@example.com,west,account-executive,2026-05-04,',
    );
    const keyed = { ...manager, 'Idempotency-Key': 'import-may' };
    const first = await upload(file, keyed);
    expect(first.body).toMatchObject({ hired: 2 });
    const before = await events();
    const again = await upload(file, keyed);
    expect(again.body).toMatchObject({ hired: 0, repeated: 2, refused: 0 });
    expect((again.body.results as Array<{ personId: string }>).map((row) => row.personId)).toEqual(
      (first.body.results as Array<{ personId: string }>).map((row) => row.personId),
    );
    expect(await events()).toBe(before);

    const changed = await upload(
      csv(
        'p-ada,Ada Berg,ada@example.com,east,account-executive,2026-05-04,',
        ',Bo Changed,bo@example.com,west,account-executive,2026-05-04,',
      ),
      keyed,
    );
    expect(changed.body).toMatchObject({
      repeated: 1,
      refused: 1,
      results: [{ outcome: 'repeated' }, { outcome: 'refused', code: 'idempotency-key-reused' }],
    });
    expect(await events()).toBe(before);

    const unkeyed = await upload(file);
    expect(unkeyed.body).toMatchObject({
      hired: 1,
      refused: 1,
      results: [{ outcome: 'refused', code: 'PERSON_ALREADY_EXISTS' }, { outcome: 'hired' }],
    });
  });

  it.each([
    [
      'a header without a required column',
      'name,email,unit_id,position_id\nA,a@example.com,east,account-executive\n',
      'header',
    ],
    ['a header with an unknown column', `${header},salary\n`, 'header'],
    ['a column named twice', 'name,name,email,unit_id,position_id,hired_on\n', 'header'],
    ['an empty file', '', 'body'],
    ['a file of blank lines', '\n,,,\n\n', 'body'],
    ['a quoted field that never closes', `${header}\n"p-1,Ann\n`, 'body'],
  ])('refuses %s with a 400 naming it, hiring nobody', async (_label, body, field) => {
    const before = await events();
    const refused = await upload(body);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await events()).toBe(before);
  });

  it('refuses a file that is not CSV (415) and one larger than an import takes (413), hiring nobody', async () => {
    const before = await events();
    const json = await upload('{"name":"Ann"}', manager, 'application/json');
    expect(json.status).toBe(415);
    expect(json.body.errors).toEqual([expect.objectContaining({ field: 'Content-Type' })]);
    const line = (n: number) => `p-${n},Person ${n},p${n}@example.com,east,account-executive,2026-05-04,`;
    const tooMany = await upload(csv(...Array.from({ length: 2001 }, (_, n) => line(n))));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'PERSON_IMPORT_TOO_LARGE' });
    const tooLong = await upload(
      csv(`p-1,${'x'.repeat(1024 * 1024)},x@example.com,east,account-executive,2026-05-04,`),
    );
    expect(tooLong.status).toBe(413);
    expect(await events()).toBe(before);
  });

  it('lets only division managers, sales directors and admins import', async () => {
    const file = csv('p-ada,Ada Berg,ada@example.com,east,account-executive,2026-05-04,');
    const before = await events();
    for (const caller of [callers.eastLead, callers.mira, callers.analyst, callers.dealer]) {
      expect((await upload(file, caller)).status).toBe(403);
    }
    expect(await events()).toBe(before);
    expect((await upload(file, callers.director)).body).toMatchObject({ hired: 1 });
    const south = await upload(
      csv('p-zed,Zed,zed@example.com,east,account-executive,2026-05-04,'),
      callers.southManager,
    );
    expect(south.body).toMatchObject({ refused: 1, results: [{ errors: [{ field: 'unit_id' }] }] });
  });
});
