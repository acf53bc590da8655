import { ExpectedVersionMismatchError } from '@salesos/event-sourcing';
import { TrainingErrorCode } from '../domain/training.errors';
import { caller, manager, negotiation, trainingFeature } from './training-application.fixture';

/** A division with three courses (one of them certifying for good) and a programme of them. */
async function division() {
  const feature = trainingFeature();
  await feature.defineCourse.execute('product-basics', { ...negotiation, title: 'Product basics' }, manager);
  await feature.defineCourse.execute('negotiation-101', negotiation, manager);
  const { certificationValidityMonths: _validity, ...plain } = negotiation;
  await feature.defineCourse.execute('crm-hygiene', { ...plain, title: 'CRM hygiene' }, manager);
  await feature.defineProgramme.execute(
    'new-rep-path',
    { title: 'New rep path', courseIds: ['product-basics', 'negotiation-101', 'crm-hygiene'] },
    manager,
  );
  return feature;
}

const assessment = { courseId: 'negotiation-101', score: 82, assessedBy: 'coach-1', assessedOn: '2026-03-09' };

describe('training handlers', () => {
  describe('EnrolPerson', () => {
    it('enrols a person in a course on their training stream', async () => {
      const feature = await division();
      const result = await feature.enrolPerson.execute(
        'p-1',
        { courseId: 'negotiation-101', enrolledOn: '2026-03-01' },
        manager,
      );
      expect(result).toMatchObject({ streamId: 'training-p-1', version: 1 });
      expect(result.events[0]).toMatchObject({
        type: 'PersonEnrolled',
        data: { personId: 'p-1', divisionId: 'north', courseIds: ['negotiation-101'] },
      });
    });

    it("enrols in a programme's courses still offered, in the programme's order", async () => {
      const feature = await division();
      await feature.retireCourse.execute('product-basics', 'folded into onboarding', manager);
      const result = await feature.enrolPerson.execute(
        'p-1',
        { programmeId: 'new-rep-path', enrolledOn: '2026-03-01' },
        manager,
      );
      expect(result.events[0]?.data).toMatchObject({
        programmeId: 'new-rep-path',
        courseIds: ['negotiation-101', 'crm-hygiene'],
      });
    });

    it('refuses an unknown course or programme as not found, and a retired one as retired', async () => {
      const feature = await division();
      await expect(
        feature.enrolPerson.execute('p-1', { courseId: 'closing-201', enrolledOn: '2026-03-01' }, manager),
      ).rejects.toMatchObject({ code: TrainingErrorCode.CourseNotFound, field: 'courseId' });
      await expect(
        feature.enrolPerson.execute('p-1', { programmeId: 'nowhere', enrolledOn: '2026-03-01' }, manager),
      ).rejects.toMatchObject({ code: TrainingErrorCode.ProgrammeNotFound, field: 'programmeId' });
      await feature.retireProgramme.execute('new-rep-path', 'merged', manager);
      await expect(
        feature.enrolPerson.execute('p-1', { programmeId: 'new-rep-path', enrolledOn: '2026-03-01' }, manager),
      ).rejects.toMatchObject({ code: TrainingErrorCode.Retired });
      expect(await feature.store.readStream('training-p-1')).toEqual([]);
    });

    it('refuses a programme whose courses are all retired', async () => {
      const feature = await division();
      for (const courseId of ['product-basics', 'negotiation-101', 'crm-hygiene']) {
        await feature.retireCourse.execute(courseId, 'catalogue renewed', manager);
      }
      await expect(
        feature.enrolPerson.execute('p-1', { programmeId: 'new-rep-path', enrolledOn: '2026-03-01' }, manager),
      ).rejects.toMatchObject({ code: TrainingErrorCode.Retired, field: 'programmeId' });
    });

    it('refuses naming both a course and a programme, or neither', async () => {
      const feature = await division();
      await expect(
        feature.enrolPerson.execute(
          'p-1',
          { courseId: 'negotiation-101', programmeId: 'new-rep-path', enrolledOn: '2026-03-01' },
          manager,
        ),
      ).rejects.toMatchObject({ code: TrainingErrorCode.InvalidInput, field: 'programmeId' });
      await expect(feature.enrolPerson.execute('p-1', { enrolledOn: '2026-03-01' }, manager)).rejects.toMatchObject({
        code: TrainingErrorCode.InvalidInput,
        field: 'courseId',
      });
    });
  });

  describe('RecordAssessment', () => {
    it("judges by the course's pass mark and certifies for its validity, as the course stream has them", async () => {
      const feature = await division();
      const result = await feature.recordAssessment.execute('p-1', assessment, manager);
      expect(result.events).toMatchObject([
        { type: 'AssessmentRecorded', data: { score: 82, passMark: 70, passed: true } },
        { type: 'CertificationGranted', data: { grantedOn: '2026-03-09', expiresOn: '2027-03-09' } },
      ]);
    });

    it('uses the course as revised: a raised pass mark fails what it would have passed', async () => {
      const feature = await division();
      await feature.reviseCourse.execute('negotiation-101', { ...negotiation, passMark: 90 }, manager);
      const result = await feature.recordAssessment.execute('p-1', assessment, manager);
      expect(result.events.map((event) => event.type)).toEqual(['AssessmentRecorded']);
      expect(result.events[0]?.data).toMatchObject({ passMark: 90, passed: false });
    });

    it('certifies for good for a course without validity, and still records a retired course', async () => {
      const feature = await division();
      const plain = await feature.recordAssessment.execute('p-1', { ...assessment, courseId: 'crm-hygiene' }, manager);
      expect(plain.events.map((event) => event.type)).toEqual(['AssessmentRecorded', 'CertificationGranted']);
      expect(plain.events[1]?.data).not.toHaveProperty('expiresOn');
      await feature.retireCourse.execute('negotiation-101', 'replaced', manager);
      const retired = await feature.recordAssessment.execute('p-1', assessment, manager);
      expect(retired.events.map((event) => event.type)).toEqual(['AssessmentRecorded', 'CertificationGranted']);
    });

    it('refuses an unknown course, or one of another division, as not found, naming courseId', async () => {
      const feature = await division();
      await feature.defineCourse.execute(
        'closing-201',
        negotiation,
        caller('division-manager', { divisionId: 'south' }),
      );
      for (const courseId of ['nowhere', 'closing-201']) {
        await expect(
          feature.recordAssessment.execute('p-1', { ...assessment, courseId }, manager),
        ).rejects.toMatchObject({ code: TrainingErrorCode.CourseNotFound, field: 'courseId' });
      }
      expect(await feature.store.readStream('training-p-1')).toEqual([]);
    });

    it('records an assessment once for a repeated Idempotency-Key, under the same assessment id', async () => {
      const feature = await division();
      const keyed = caller('division-manager', { key: 'assessment-p-1-1' });
      const first = await feature.recordAssessment.execute('p-1', assessment, keyed);
      const again = await feature.recordAssessment.execute('p-1', assessment, keyed);
      expect(again).toMatchObject({ repeated: true, version: first.version, events: first.events });
      expect(await feature.typesIn('training-p-1')).toEqual(['AssessmentRecorded', 'CertificationGranted']);
    });

    it('records two evaluations sent without a key as two assessments', async () => {
      const feature = await division();
      await feature.recordAssessment.execute('p-1', { ...assessment, score: 40 }, manager);
      await feature.recordAssessment.execute('p-1', { ...assessment, score: 40 }, manager);
      const { state } = await feature.trainings.load('p-1');
      expect(state.status === 'recorded' && state.assessments.map((each) => each.score)).toEqual([40, 40]);
    });

    it('refuses a stale expected version, appending nothing', async () => {
      const feature = await division();
      await feature.enrolPerson.execute('p-1', { courseId: 'negotiation-101', enrolledOn: '2026-03-01' }, manager);
      await expect(feature.recordAssessment.execute('p-1', assessment, manager, 0)).rejects.toBeInstanceOf(
        ExpectedVersionMismatchError,
      );
      expect(await feature.typesIn('training-p-1')).toEqual(['PersonEnrolled']);
      await expect(feature.recordAssessment.execute('p-1', assessment, manager, 1)).resolves.toMatchObject({
        version: 4,
      });
      expect(await feature.typesIn('training-p-1')).toEqual([
        'PersonEnrolled',
        'AssessmentRecorded',
        'EnrolmentCompleted',
        'CertificationGranted',
      ]);
    });
  });

  describe("whose training a caller reaches: the person's unit lead, and the division's wide roles", () => {
    const enrolment = { courseId: 'negotiation-101', enrolledOn: '2026-03-01' };

    it("lets the lead of the person's team enrol them and record their assessment", async () => {
      const feature = await division();
      await feature.enrolPerson.execute('p-1', enrolment, caller('team-lead'));
      await expect(feature.recordAssessment.execute('p-1', assessment, caller('team-lead'))).resolves.toMatchObject({
        events: [{ type: 'AssessmentRecorded' }, { type: 'EnrolmentCompleted' }, { type: 'CertificationGranted' }],
      });
    });

    it("refuses, as not found, another team's lead, a rep, and a person the division does not have", async () => {
      const feature = await division();
      const otherLead = {
        ...caller('team-lead'),
        principal: { ...caller('team-lead').principal!, teams: ['team-b'] },
      };
      for (const [personId, who] of [
        ['p-1', otherLead],
        ['p-1', caller('rep')],
        ['nobody', manager],
        ['p-1', caller('division-manager', { divisionId: 'south' })],
      ] as const) {
        await expect(feature.enrolPerson.execute(personId, enrolment, who)).rejects.toMatchObject({
          code: TrainingErrorCode.PersonNotFound,
        });
      }
      expect(await feature.store.readStream('training-p-1')).toEqual([]);
    });
  });

  describe('WithdrawEnrolment and ExpireCertification', () => {
    it("withdraws from a programme's open courses", async () => {
      const feature = await division();
      await feature.enrolPerson.execute('p-1', { programmeId: 'new-rep-path', enrolledOn: '2026-03-01' }, manager);
      const result = await feature.withdrawEnrolment.execute(
        'p-1',
        { programmeId: 'new-rep-path', reason: 'moved to key accounts', withdrawnOn: '2026-03-05' },
        manager,
      );
      expect(result.events[0]?.data).toMatchObject({
        courseIds: ['product-basics', 'negotiation-101', 'crm-hygiene'],
      });
    });

    it('reports a person without a record as not found', async () => {
      const feature = await division();
      await expect(
        feature.withdrawEnrolment.execute(
          'p-9',
          { courseId: 'negotiation-101', reason: 'x', withdrawnOn: '2026-03-05' },
          manager,
        ),
      ).rejects.toMatchObject({ code: TrainingErrorCode.RecordNotFound });
    });

    it('expires a certification once its day has come by the clock', async () => {
      const feature = await division();
      await feature.recordAssessment.execute('p-1', assessment, manager);
      await expect(
        feature.expireCertification.execute('p-1', 'negotiation-101', '2027-03-09', manager),
      ).rejects.toMatchObject({ code: TrainingErrorCode.CertificationNotDue });
      feature.clock.at = new Date('2027-03-09T00:05:00.000Z');
      await expect(
        feature.expireCertification.execute('p-1', 'negotiation-101', '2027-03-09', manager),
      ).resolves.toMatchObject({ events: [{ type: 'CertificationExpired' }] });
    });
  });
});
