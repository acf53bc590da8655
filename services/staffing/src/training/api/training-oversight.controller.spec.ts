import { eachTestTrainingDivision, expectField, recordTestTraining, trainingDivisionCallers } from '../../testing';

const { analyst, dealer, manager, otherLead, rep, southManager, teamLead } = trainingDivisionCallers;

describe('training oversight API: readiness of units, and the certifications that expire soon', () => {
  const current = eachTestTrainingDivision();
  const http = () => current().http();

  /** p-1 holds both certifications an account executive needs, p-2 one, p-lead theirs for good, p-lead-2 none. */
  beforeEach(async () => {
    const { app, store } = current();
    await recordTestTraining(app, store, {
      courses: [],
      assessments: [
        { personId: 'p-1', courseId: 'negotiation-101', assessedOn: '2026-05-20' },
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-01-10' },
        { personId: 'p-2', courseId: 'product-basics', assessedOn: '2026-01-20' },
        { personId: 'p-2', courseId: 'negotiation-101', score: 50, assessedOn: '2026-05-20' },
        { personId: 'p-lead', courseId: 'crm-hygiene', assessedOn: '2026-02-01' },
      ],
    });
  });

  describe('unit readiness', () => {
    it("pools the people of the unit and of the units below it, each person's with it", async () => {
      const sales = await http().get('/training/units/sales/readiness').set(manager);
      expect(sales.status).toBe(200);
      expect(sales.body).toMatchObject({ unitId: 'sales', asOf: '2026-06-01', held: 4, required: 6 });
      expect(sales.body.score).toBeCloseTo(4 / 6);
      expect(
        (sales.body.people as Array<{ personId: string; score: number; missing: string[] }>).map(
          ({ personId, score, missing }) => [personId, score, missing],
        ),
      ).toEqual([
        ['p-2', 0.5, ['negotiation-101']],
        ['p-lead-2', 0, ['crm-hygiene']],
        ['p-1', 1, []],
        ['p-lead', 1, []],
      ]);
      const later = await http().get('/training/units/sales/readiness?asOf=2026-07-15').set(analyst);
      expect(later.body).toMatchObject({ asOf: '2026-07-15', held: 3, required: 6, score: 0.5 });
    });

    it('shows a team lead the units they manage today, and nothing else', async () => {
      const own = await http().get('/training/units/presses-south/readiness').set(teamLead);
      expect(own.body).toMatchObject({ unitId: 'presses-south', score: 1, held: 3, required: 3 });
      for (const [unitId, caller] of [
        ['presses-north', teamLead],
        ['sales', teamLead],
        ['presses-south', otherLead],
        ['south-team', manager],
        ['nowhere', manager],
        ['presses-south', southManager],
      ] as const) {
        const refused = await http().get(`/training/units/${unitId}/readiness`).set(caller);
        expect({ unitId, status: refused.status, code: refused.body.code }).toEqual({
          unitId,
          status: 404,
          code: 'TRAINING_UNIT_NOT_FOUND',
        });
      }
    });

    it('is for division-wide roles and team leads: not for reps or dealers', async () => {
      for (const caller of [rep, dealer]) {
        expect((await http().get('/training/units/presses-south/readiness').set(caller)).status).toBe(403);
      }
    });

    it.each([
      ['a unit id that is no id', '/training/units/no%20unit/readiness', 'unitId'],
      ['a day that is no day', '/training/units/sales/readiness?asOf=2026-13-01', 'asOf'],
    ])('refuses %s, naming the field', async (_label, path, field) => {
      expectField(await http().get(path).set(manager), field);
    });
  });

  describe('reminders of certifications expiring soon', () => {
    const expiring = async (query: string, caller = manager) => {
      const response = await http().get(`/training/certifications/expiring?${query}`).set(caller);
      expect(response.status).toBe(200);
      return response.body as {
        asOf: string;
        until: string;
        unitId?: string;
        items: Array<{ personId: string; courseId: string; expiresOn: string }>;
      };
    };
    const listed = (body: { items: Array<{ personId: string; courseId: string; expiresOn: string }> }) =>
      body.items.map(({ personId, courseId, expiresOn }) => `${personId} ${courseId} ${expiresOn}`);

    it("lists the division's certifications valid today that expire within the days asked, soonest first", async () => {
      const within45 = await expiring('withinDays=45');
      expect(within45).toMatchObject({ asOf: '2026-06-01', until: '2026-07-16' });
      expect(listed(within45)).toEqual(['p-1 product-basics 2026-07-10']);
      expect(within45.items[0]).toMatchObject({ divisionId: 'north', grantedOn: '2026-01-10' });
      expect(listed(await expiring('withinDays=60', analyst))).toEqual([
        'p-1 product-basics 2026-07-10',
        'p-2 product-basics 2026-07-20',
      ]);
      expect(listed(await expiring('withinDays=400'))).toEqual([
        'p-1 product-basics 2026-07-10',
        'p-2 product-basics 2026-07-20',
        'p-1 negotiation-101 2027-05-20',
      ]);
      expect(listed(await expiring('withinDays=0'))).toEqual([]);
    });

    it("narrows to a unit's people, and shows a team lead their units' people only", async () => {
      const north = await expiring('withinDays=60&unitId=presses-north');
      expect({ unitId: north.unitId, items: listed(north) }).toEqual({
        unitId: 'presses-north',
        items: ['p-2 product-basics 2026-07-20'],
      });
      expect(listed(await expiring('withinDays=60&unitId=sales'))).toHaveLength(2);
      expect(listed(await expiring('withinDays=60', teamLead))).toEqual(['p-1 product-basics 2026-07-10']);
      expect(listed(await expiring('withinDays=60', otherLead))).toEqual(['p-2 product-basics 2026-07-20']);
      const refused = await http()
        .get('/training/certifications/expiring?withinDays=60&unitId=presses-north')
        .set(teamLead);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 404,
        code: 'TRAINING_UNIT_NOT_FOUND',
      });
      expect(listed(await expiring('withinDays=60', southManager))).toEqual([]);
    });

    it('is for division-wide roles and team leads: not for reps or dealers', async () => {
      for (const caller of [rep, dealer]) {
        expect((await http().get('/training/certifications/expiring?withinDays=30').set(caller)).status).toBe(403);
      }
    });

    it.each([
      ['no number of days', '', 'withinDays'],
      ['a negative number of days', 'withinDays=-1', 'withinDays'],
      ['days in words', 'withinDays=ten', 'withinDays'],
      ['more than ten years', 'withinDays=3651', 'withinDays'],
      ['a unit id that is no id', 'withinDays=30&unitId=no%20unit', 'unitId'],
    ])('refuses %s, naming the field', async (_label, query, field) => {
      expectField(await http().get(`/training/certifications/expiring?${query}`).set(manager), field);
    });
  });
});
