import { eachTestTrainingDivision, expectField, trainingDivisionCallers } from '../../testing';

const { analyst, dealer, manager, otherLead, otherRep, rep, southManager, teamLead } = trainingDivisionCallers;

const negotiationPass = { courseId: 'negotiation-101', score: 82, assessedOn: '2026-05-20' };

describe("training records API: a person's enrolments, assessments, certifications and readiness", () => {
  const current = eachTestTrainingDivision();
  const http = () => current().http();
  const person = (personId = 'p-1') => `/training/people/${personId}`;
  const enrol = (body: object, caller = manager, personId = 'p-1') =>
    http()
      .post(`${person(personId)}/enrolments`)
      .set(caller)
      .send(body);
  const assess = (body: object, caller = manager, personId = 'p-1') =>
    http()
      .post(`${person(personId)}/assessments`)
      .set(caller)
      .send(body);

  it('enrols, records an assessment that certifies, and shows the record to the person, their lead and the division', async () => {
    const enrolled = await enrol({ courseId: 'negotiation-101', enrolledOn: '2026-05-01' });
    expect({ status: enrolled.status, etag: enrolled.headers.etag }).toEqual({ status: 200, etag: '"1"' });
    expect(enrolled.body).toMatchObject({
      personId: 'p-1',
      divisionId: 'north',
      enrolments: [{ courseId: 'negotiation-101', enrolledOn: '2026-05-01', status: 'open' }],
      version: 1,
    });
    expect(enrolled.body).not.toHaveProperty('status');

    const assessed = await assess(negotiationPass, teamLead);
    expect({ status: assessed.status, etag: assessed.headers.etag }).toEqual({ status: 201, etag: '"4"' });
    expect(assessed.body).toMatchObject({
      assessmentId: expect.any(String) as unknown,
      enrolments: [{ courseId: 'negotiation-101', status: 'completed' }],
      assessments: [{ courseId: 'negotiation-101', score: 82, passMark: 70, passed: true, assessedBy: 'lead-1' }],
      certifications: [{ courseId: 'negotiation-101', grantedOn: '2026-05-20', expiresOn: '2027-05-20' }],
    });
    expect(assessed.body.assessments[0].assessmentId).toBe(assessed.body.assessmentId);

    for (const caller of [rep, teamLead, manager, analyst]) {
      const read = await http().get(person()).set(caller);
      expect({ status: read.status, etag: read.headers.etag }).toEqual({ status: 200, etag: '"4"' });
      expect(read.body.certifications).toHaveLength(1);
    }
  });

  it('records a failed assessment, and who assessed when the caller names them', async () => {
    const failed = await assess({ ...negotiationPass, score: 40, assessedBy: 'coach-1' });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({
      assessments: [{ score: 40, passed: false, assessedBy: 'coach-1' }],
      certifications: [],
    });
  });

  it('shows an empty record, version 0, for a person without training', async () => {
    const read = await http().get(person('p-2')).set(otherRep);
    expect({ status: read.status, etag: read.headers.etag }).toEqual({ status: 200, etag: '"0"' });
    expect(read.body).toEqual({
      personId: 'p-2',
      divisionId: 'north',
      enrolments: [],
      assessments: [],
      certifications: [],
      version: 0,
    });
  });

  it("enrols in a programme's courses and withdraws from those still open, refusing what cannot be withdrawn", async () => {
    await http()
      .post('/training/programmes')
      .set(manager)
      .send({ programmeId: 'new-rep-path', title: 'New rep path', courseIds: ['product-basics', 'negotiation-101'] })
      .expect(201);
    await enrol({ programmeId: 'new-rep-path', enrolledOn: '2026-05-01' }).expect(200);
    await assess(negotiationPass).expect(201);
    const withdrawn = await http()
      .post(`${person()}/withdrawals`)
      .set(teamLead)
      .send({ programmeId: 'new-rep-path', reason: 'Moved to key accounts', withdrawnOn: '2026-05-25' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.enrolments).toEqual([
      expect.objectContaining({ courseId: 'product-basics', status: 'withdrawn' }),
      expect.objectContaining({ courseId: 'negotiation-101', status: 'completed' }),
    ]);
    const completed = await http()
      .post(`${person()}/withdrawals`)
      .set(manager)
      .send({ courseId: 'negotiation-101', reason: 'x', withdrawnOn: '2026-05-25' });
    expect({ status: completed.status, code: completed.body.code }).toEqual({
      status: 409,
      code: 'TRAINING_ENROLMENT_COMPLETED',
    });
    const never = await http()
      .post(`${person()}/withdrawals`)
      .set(manager)
      .send({ courseId: 'crm-hygiene', reason: 'x', withdrawnOn: '2026-05-25' });
    expect({ status: never.status, code: never.body.code }).toEqual({ status: 409, code: 'TRAINING_NOT_ENROLLED' });
    const retiredCourse = await http()
      .post('/training/courses/crm-hygiene/retirement')
      .set(manager)
      .send({ reason: 'x' });
    expect(retiredCourse.status).toBe(200);
    const retired = await enrol({ courseId: 'crm-hygiene', enrolledOn: '2026-05-01' });
    expect({ status: retired.status, code: retired.body.code }).toEqual({ status: 409, code: 'TRAINING_RETIRED' });
  });

  it('changes the record only on the version the caller saw (412 otherwise), and answers a keyed retry as the first time', async () => {
    await enrol({ courseId: 'negotiation-101', enrolledOn: '2026-05-01' }).expect(200);
    const before = await current().events();
    const stale = await http()
      .post(`${person()}/assessments`)
      .set(manager)
      .set('If-Match', '"0"')
      .send(negotiationPass);
    expect(stale.status).toBe(412);
    expect(await current().events()).toBe(before);
    const keyed = { ...manager, 'Idempotency-Key': 'assessment-p-1-negotiation' };
    const first = await assess(negotiationPass, keyed);
    const again = await assess(negotiationPass, keyed);
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    expect(await current().events()).toBe(before + 3);
  });

  it("answers 404 for a person out of the caller's reach or division, or one the division does not have", async () => {
    await enrol({ courseId: 'negotiation-101', enrolledOn: '2026-05-01' }).expect(200);
    const before = await current().events();
    const refusals = [
      () => http().get(person()).set(otherRep),
      () => http().get(person()).set(otherLead),
      () => http().get(person()).set(southManager),
      () => http().get(person('p-9')).set(manager),
      () => http().get(person('nobody')).set(manager),
      () => http().get(`${person()}/readiness`).set(otherRep),
      () => enrol({ courseId: 'negotiation-101', enrolledOn: '2026-05-01' }, otherLead),
      () => assess(negotiationPass, otherLead),
      () => assess(negotiationPass, manager, 'nobody'),
      () =>
        http()
          .post(`${person()}/withdrawals`)
          .set(southManager)
          .send({ courseId: 'negotiation-101', reason: 'x', withdrawnOn: '2026-05-05' }),
    ];
    for (const refusal of refusals) {
      const response = await refusal();
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 404,
        code: 'TRAINING_PERSON_NOT_FOUND',
      });
    }
    expect(await current().events()).toBe(before);
    const unknownCourse = await enrol({ courseId: 'south-course', enrolledOn: '2026-05-01' });
    expect({ status: unknownCourse.status, code: unknownCourse.body.code }).toEqual({
      status: 404,
      code: 'TRAINING_COURSE_NOT_FOUND',
    });
    expect(unknownCourse.body.errors).toEqual([expect.objectContaining({ field: 'courseId' })]);
  });

  it('lets only division-wide roles and team leads change training; the person reads their own; dealers nothing', async () => {
    const before = await current().events();
    for (const caller of [rep, analyst, dealer]) {
      expect((await enrol({ courseId: 'negotiation-101', enrolledOn: '2026-05-01' }, caller)).status).toBe(403);
      expect((await assess(negotiationPass, caller)).status).toBe(403);
      expect(
        (
          await http()
            .post(`${person()}/withdrawals`)
            .set(caller)
            .send({ courseId: 'negotiation-101', reason: 'x', withdrawnOn: '2026-05-05' })
        ).status,
      ).toBe(403);
    }
    expect((await http().get(person()).set(dealer)).status).toBe(403);
    expect((await http().get(`${person()}/readiness`).set(dealer)).status).toBe(403);
    expect(await current().events()).toBe(before);
  });

  describe("readiness: the share of the certifications the person's position requires that they hold", () => {
    it('counts what is valid on the day, today by default, and names what is missing', async () => {
      await assess(negotiationPass).expect(201);
      const now = await http().get(`${person()}/readiness`).set(rep);
      expect(now.status).toBe(200);
      expect(now.body).toEqual({
        personId: 'p-1',
        asOf: '2026-06-01',
        unitId: 'presses-south',
        positionId: 'account-executive',
        score: 0.5,
        held: ['negotiation-101'],
        missing: ['product-basics'],
      });
      const before = await http().get(`${person()}/readiness?asOf=2026-05-19`).set(teamLead);
      expect(before.body).toMatchObject({ asOf: '2026-05-19', score: 0, held: [] });
      const expired = await http().get(`${person()}/readiness?asOf=2027-05-20`).set(manager);
      expect(expired.body).toMatchObject({ score: 0, missing: ['negotiation-101', 'product-basics'] });
    });

    it('counts a certification that never expires for good', async () => {
      await assess({ courseId: 'crm-hygiene', score: 90, assessedOn: '2026-05-20' }, manager, 'p-lead').expect(201);
      const later = await http()
        .get(`${person('p-lead')}/readiness?asOf=2036-01-01`)
        .set(teamLead);
      expect(later.body).toMatchObject({ positionId: 'team-lead', score: 1, held: ['crm-hygiene'], missing: [] });
    });

    it('answers 404 on a day the person holds no position', async () => {
      const notYet = await http()
        .get(`${person('p-later')}/readiness`)
        .set(manager);
      expect({ status: notYet.status, code: notYet.body.code }).toEqual({
        status: 404,
        code: 'TRAINING_PERSON_NOT_PLACED',
      });
      expect(
        (
          await http()
            .get(`${person('p-later')}/readiness?asOf=2026-09-01`)
            .set(manager)
        ).status,
      ).toBe(200);
    });
  });

  describe('invalid input, answered with problem+json naming the field and writing nothing', () => {
    it.each([
      [
        'both a course and a programme',
        { courseId: 'negotiation-101', programmeId: 'p', enrolledOn: '2026-05-01' },
        'programmeId',
      ],
      ['neither a course nor a programme', { enrolledOn: '2026-05-01' }, 'courseId'],
      ['a day that does not exist', { courseId: 'negotiation-101', enrolledOn: '2026-02-30' }, 'enrolledOn'],
      ['a course that is no id', { courseId: 'a b', enrolledOn: '2026-05-01' }, 'courseId'],
      ['an unknown field', { courseId: 'negotiation-101', enrolledOn: '2026-05-01', seats: 2 }, 'seats'],
    ])('POST .../enrolments: %s', async (_label, body, field) => {
      const before = await current().events();
      expectField(await enrol(body), field);
      expect(await current().events()).toBe(before);
    });

    it.each([
      ['a score over 100', { ...negotiationPass, score: 100.5 }, 'score'],
      ['a negative score', { ...negotiationPass, score: -1 }, 'score'],
      ['a score as text', { ...negotiationPass, score: '82' }, 'score'],
      ['no course', { score: 82, assessedOn: '2026-05-20' }, 'courseId'],
      ['an assessor that is no id', { ...negotiationPass, assessedBy: 'coach one' }, 'assessedBy'],
      ['a day still to come everywhere', { ...negotiationPass, assessedOn: '2026-06-03' }, 'assessedOn'],
      ['a null day', { ...negotiationPass, assessedOn: null }, 'assessedOn'],
    ])('POST .../assessments: %s', async (_label, body, field) => {
      const before = await current().events();
      expectField(await assess(body), field);
      expect(await current().events()).toBe(before);
    });

    it.each([
      ['no reason', { courseId: 'negotiation-101', withdrawnOn: '2026-05-05' }, 'reason'],
      [
        'a day before the enrolment',
        { courseId: 'negotiation-101', reason: 'x', withdrawnOn: '2026-04-30' },
        'withdrawnOn',
      ],
    ])('POST .../withdrawals: %s', async (_label, body, field) => {
      await enrol({ courseId: 'negotiation-101', enrolledOn: '2026-05-01' }).expect(200);
      const before = await current().events();
      expectField(await http().post(`${person()}/withdrawals`).set(manager).send(body), field);
      expect(await current().events()).toBe(before);
    });

    it.each([
      ['a person id that is no id', '/training/people/no%20one', 'personId'],
      ['a readiness day that is no day', '/training/people/p-1/readiness?asOf=tomorrow', 'asOf'],
    ])('GET %s', async (_label, path, field) => {
      expectField(await http().get(path).set(manager), field);
    });
  });
});
