import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { RecordAssessment } from './training.commands';
import { trainingDecider } from './training.decider';
import { TrainingError, TrainingErrorCode } from './training.errors';
import { type TrainingEvent, trainingEvents } from './training.events';
import {
  assessed,
  assessment,
  enrolled,
  expired,
  granted,
  now,
  person,
  trainingCommand as command,
} from './training.fixture';
import type { TrainingState } from './training.state';

const spec = DeciderSpecification.for(trainingDecider);
const fold = (events: readonly TrainingEvent[]): TrainingState =>
  events.reduce((state, event) => trainingDecider.evolve(state, event), trainingDecider.initialState());
const code = (value: TrainingErrorCode) => ({ code: value });
const invalidField = (field: string) => ({ code: TrainingErrorCode.InvalidInput, field });

const enrol = (courseIds: string[], programmeId?: string, enrolledOn = '2026-03-01') =>
  command('EnrolPerson', {
    ...person,
    courseIds,
    ...(programmeId === undefined ? {} : { programmeId }),
    enrolledOn,
  });
const record = (changes: Partial<RecordAssessment['data']> = {}) => command('RecordAssessment', assessment(changes));
const expire = (courseId: string, expiresOn: string, at: string) =>
  command('ExpireCertification', { courseId, expiresOn }, { now: at });
const withdraw = (target: { courseId?: string; programmeId?: string }, withdrawnOn = '2026-03-05') =>
  command('WithdrawEnrolment', { ...target, reason: 'moved to key accounts', withdrawnOn });
const withdrawn = (courseIds: string[], programmeId?: string): TrainingEvent => ({
  type: 'EnrolmentWithdrawn',
  data: {
    ...person,
    courseIds,
    ...(programmeId === undefined ? {} : { programmeId }),
    reason: 'moved to key accounts',
    withdrawnOn: '2026-03-05',
    withdrawnAt: now,
  },
});
const completed = (courseId: string, programmeId?: string, assessmentId = 'a-1'): TrainingEvent => ({
  type: 'EnrolmentCompleted',
  data: {
    ...person,
    courseId,
    ...(programmeId === undefined ? {} : { programmeId }),
    assessmentId,
    completedOn: '2026-03-09',
  },
});

/** Negotiation passed on 2026-03-09, its certification valid until the day before 2027-03-09. */
const certified = [assessed(), granted('negotiation-101', '2026-03-09', '2027-03-09')];

describe('training decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [
      enrolled(['negotiation-101'], 'new-rep-path'),
      withdrawn(['negotiation-101'], 'new-rep-path'),
      completed('negotiation-101', 'new-rep-path'),
      assessed(),
      granted('negotiation-101', '2026-03-09', '2027-03-09', { previousExpiresOn: '2026-04-01' }),
      granted('crm-hygiene', '2026-03-09', undefined),
      expired('negotiation-101', '2027-03-09'),
    ]) {
      expect(() => trainingEvents.check(event)).not.toThrow();
    }
  });

  describe('EnrolPerson', () => {
    it("starts the person's record with an enrolment in a course", () => {
      spec
        .given([])
        .when(enrol(['negotiation-101']))
        .then([enrolled(['negotiation-101'])]);
      expect(fold([enrolled(['negotiation-101'])])).toEqual({
        status: 'recorded',
        ...person,
        enrolments: [{ courseId: 'negotiation-101', enrolledOn: '2026-03-01', status: 'open' }],
        assessments: [],
        certifications: [],
      });
    });

    it("enrols in a programme's courses, naming the programme", () => {
      spec
        .given([])
        .when(enrol(['product-basics', 'negotiation-101'], 'new-rep-path'))
        .then([enrolled(['product-basics', 'negotiation-101'], 'new-rep-path')]);
    });

    it('leaves the courses the person is enrolled in already as they are', () => {
      spec
        .given([enrolled(['negotiation-101'])])
        .when(enrol(['product-basics', 'negotiation-101'], 'new-rep-path'))
        .then([enrolled(['product-basics'], 'new-rep-path')]);
    });

    it('changes nothing when every course is open already', () => {
      spec
        .given([enrolled(['product-basics', 'negotiation-101'], 'new-rep-path')])
        .when(enrol(['product-basics', 'negotiation-101'], 'new-rep-path'))
        .thenNothingHappens();
    });

    it('enrols again in a course whose enrolment was withdrawn or completed', () => {
      spec
        .given([enrolled(['negotiation-101']), withdrawn(['negotiation-101'])])
        .when(enrol(['negotiation-101']))
        .then([enrolled(['negotiation-101'])]);
      spec
        .given([enrolled(['negotiation-101']), assessed(), completed('negotiation-101')])
        .when(enrol(['negotiation-101'], undefined, '2027-01-10'))
        .then([enrolled(['negotiation-101'], undefined, '2027-01-10')]);
    });

    it('refuses an enrolment in no course, naming courseIds', () => {
      spec.given([]).when(enrol([])).thenThrows(TrainingError, invalidField('courseIds'));
    });

    it('refuses a course listed twice, naming its place', () => {
      spec
        .given([])
        .when(enrol(['negotiation-101', 'negotiation-101']))
        .thenThrows(TrainingError, invalidField('courseIds[1]'));
    });

    it("reports another division's record as not found", () => {
      spec
        .given([enrolled(['product-basics'])])
        .when(command('EnrolPerson', { ...enrol(['negotiation-101']).data }, { divisionId: 'south' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.RecordNotFound));
    });
  });

  describe('RecordAssessment', () => {
    it('records a failed assessment, and nothing else: every evaluation is kept', () => {
      spec
        .given([enrolled(['negotiation-101'])])
        .when(record({ score: 55 }))
        .then([assessed({ score: 55 })]);
      expect(assessed({ score: 55 }).data).toMatchObject({ passed: false, passMark: 70 });
    });

    it('passes a score at the pass mark, and fails one just under it', () => {
      expect(trainingDecider.decide(record({ score: 70 }), { status: 'none' })[0]?.data).toMatchObject({
        passed: true,
      });
      expect(trainingDecider.decide(record({ score: 69.5 }), { status: 'none' })[0]?.data).toMatchObject({
        passed: false,
      });
    });

    it('completes the open enrolment and grants a certification expiring after the validity in months', () => {
      spec
        .given([enrolled(['negotiation-101'], 'new-rep-path')])
        .when(record())
        .then([
          assessed(),
          completed('negotiation-101', 'new-rep-path'),
          granted('negotiation-101', '2026-03-09', '2027-03-09'),
        ]);
    });

    it('records an assessment without an enrolment, starting the record', () => {
      spec.given([]).when(record()).then(certified);
    });

    it('grants a certification that never expires for a course without validity', () => {
      spec
        .given([enrolled(['crm-hygiene'])])
        .when(record({ courseId: 'crm-hygiene', certificationValidityMonths: undefined }))
        .then([
          assessed({ courseId: 'crm-hygiene' }),
          completed('crm-hygiene'),
          granted('crm-hygiene', '2026-03-09', undefined),
        ]);
      const [, , grant] = trainingDecider.decide(
        record({ courseId: 'crm-hygiene', certificationValidityMonths: undefined }),
        fold([enrolled(['crm-hygiene'])]),
      );
      expect(grant?.data).not.toHaveProperty('expiresOn');
      expect(grant?.data).not.toHaveProperty('validityMonths');
    });

    it('grants nothing more on a later pass once a certification never expires', () => {
      spec
        .given([assessed(), granted('negotiation-101', '2026-03-09', undefined)])
        .when(record({ assessmentId: 'a-2', assessedOn: '2026-03-10' }))
        .then([assessed({ assessmentId: 'a-2', assessedOn: '2026-03-10' })]);
    });

    it('renews an expiring certification for good once the course drops its validity', () => {
      spec
        .given(certified)
        .when(record({ assessmentId: 'a-2', assessedOn: '2026-03-10', certificationValidityMonths: undefined }))
        .then([
          assessed({ assessmentId: 'a-2', assessedOn: '2026-03-10' }),
          granted('negotiation-101', '2026-03-10', undefined, { assessmentId: 'a-2', previousExpiresOn: '2027-03-09' }),
        ]);
    });

    it('renews a certification on a later pass, with the new expiry and the one it replaces', () => {
      spec
        .given(certified)
        .when(record({ assessmentId: 'a-2', assessedOn: '2026-03-10', certificationValidityMonths: 24 }))
        .then([
          assessed({ assessmentId: 'a-2', assessedOn: '2026-03-10' }),
          granted('negotiation-101', '2026-03-10', '2028-03-10', {
            assessmentId: 'a-2',
            validityMonths: 24,
            previousExpiresOn: '2027-03-09',
          }),
        ]);
    });

    it('certifies again after an expiry', () => {
      const later = '2027-04-02T08:00:00.000Z';
      const retaken = assessment({ assessmentId: 'a-2', assessedOn: '2027-04-01' });
      spec
        .given([...certified, expired('negotiation-101', '2027-03-09')])
        .when(command('RecordAssessment', retaken, { now: later }))
        .then([
          assessed({ assessmentId: 'a-2', assessedOn: '2027-04-01' }, later),
          granted('negotiation-101', '2027-04-01', '2028-04-01', {
            assessmentId: 'a-2',
            previousExpiresOn: '2027-03-09',
          }),
        ]);
    });

    it('keeps the certification held when a pass recorded late would not extend it', () => {
      spec
        .given(certified)
        .when(record({ assessmentId: 'a-0', assessedOn: '2026-02-01' }))
        .then([assessed({ assessmentId: 'a-0', assessedOn: '2026-02-01' })]);
    });

    it('accepts a day some time zone has reached, and refuses one none has, naming assessedOn', () => {
      // At 12:00 UTC, it is already the 11th east of UTC+12.
      expect(trainingDecider.decide(record({ assessedOn: '2026-03-11' }), { status: 'none' })).toHaveLength(2);
      spec
        .given([])
        .when(record({ assessedOn: '2026-03-12' }))
        .thenThrows(TrainingError, invalidField('assessedOn'));
    });

    it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a score of %d, naming score', (score) => {
      spec.given([]).when(record({ score })).thenThrows(TrainingError, invalidField('score'));
    });

    it.each([
      [{ passMark: 101 }, 'passMark'],
      [{ passMark: 70.5 }, 'passMark'],
      [{ certificationValidityMonths: 0 }, 'certificationValidityMonths'],
    ])('refuses a course rule out of range (%o), naming it', (changes, field) => {
      spec.given([]).when(record(changes)).thenThrows(TrainingError, invalidField(field));
    });

    it('refuses an assessment id recorded already, naming assessmentId', () => {
      spec
        .given(certified)
        .when(record({ score: 40 }))
        .thenThrows(TrainingError, { code: TrainingErrorCode.AlreadyExists, field: 'assessmentId' });
    });

    it("reports another division's record as not found", () => {
      spec
        .given(certified)
        .when(command('RecordAssessment', assessment({ assessmentId: 'a-2' }), { divisionId: 'south' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.RecordNotFound));
    });
  });

  describe('ExpireCertification', () => {
    it('expires the certification from its expiry day on', () => {
      spec
        .given(certified)
        .when(expire('negotiation-101', '2027-03-09', '2027-03-09T00:00:00.000Z'))
        .then([expired('negotiation-101', '2027-03-09', '2027-03-09T00:00:00.000Z')]);
      spec
        .given(certified)
        .when(expire('negotiation-101', '2027-03-09', '2027-05-01T00:00:00.000Z'))
        .then([expired('negotiation-101', '2027-03-09', '2027-05-01T00:00:00.000Z')]);
    });

    it('is refused before the expiry day', () => {
      spec
        .given(certified)
        .when(expire('negotiation-101', '2027-03-09', '2027-03-08T23:59:59.000Z'))
        .thenThrows(TrainingError, code(TrainingErrorCode.CertificationNotDue));
    });

    it('is refused when the expiry is recorded already', () => {
      spec
        .given([...certified, expired('negotiation-101', '2027-03-09')])
        .when(expire('negotiation-101', '2027-03-09', '2027-03-10T00:00:00.000Z'))
        .thenThrows(TrainingError, code(TrainingErrorCode.CertificationAlreadyExpired));
    });

    it('is refused when a later pass renewed the certification', () => {
      spec
        .given([
          ...certified,
          assessed({ assessmentId: 'a-2', assessedOn: '2027-03-01' }),
          granted('negotiation-101', '2027-03-01', '2028-03-01', {
            assessmentId: 'a-2',
            previousExpiresOn: '2027-03-09',
          }),
        ])
        .when(expire('negotiation-101', '2027-03-09', '2027-03-09T00:00:00.000Z'))
        .thenThrows(TrainingError, code(TrainingErrorCode.CertificationRenewed));
    });

    it('is refused for a certification that never expires, or one renewed for good', () => {
      const forGood = [assessed(), granted('negotiation-101', '2026-03-09', undefined)];
      spec
        .given(forGood)
        .when(expire('negotiation-101', '2027-03-09', '2027-03-09T00:00:00.000Z'))
        .thenThrows(TrainingError, { code: TrainingErrorCode.CertificationNotFound, field: 'expiresOn' });
      spec
        .given([
          ...certified,
          assessed({ assessmentId: 'a-2', assessedOn: '2026-06-01' }),
          granted('negotiation-101', '2026-06-01', undefined, { assessmentId: 'a-2', previousExpiresOn: '2027-03-09' }),
        ])
        .when(expire('negotiation-101', '2027-03-09', '2027-03-09T00:00:00.000Z'))
        .thenThrows(TrainingError, code(TrainingErrorCode.CertificationRenewed));
    });

    it('is refused for a certification never held, naming what was wrong', () => {
      spec
        .given(certified)
        .when(expire('product-basics', '2027-03-09', '2027-03-09T00:00:00.000Z'))
        .thenThrows(TrainingError, { code: TrainingErrorCode.CertificationNotFound, field: 'courseId' });
      spec
        .given(certified)
        .when(expire('negotiation-101', '2027-03-10', '2027-03-10T00:00:00.000Z'))
        .thenThrows(TrainingError, { code: TrainingErrorCode.CertificationNotFound, field: 'expiresOn' });
    });

    it('is refused as not found for a person without a record, or of another division', () => {
      spec
        .given([])
        .when(expire('negotiation-101', '2027-03-09', '2027-03-09T00:00:00.000Z'))
        .thenThrows(TrainingError, code(TrainingErrorCode.RecordNotFound));
      spec
        .given(certified)
        .when(
          command(
            'ExpireCertification',
            { courseId: 'negotiation-101', expiresOn: '2027-03-09' },
            { now: '2027-03-09T00:00:00.000Z', divisionId: 'south' },
          ),
        )
        .thenThrows(TrainingError, code(TrainingErrorCode.RecordNotFound));
    });

    it('keeps the grant, marked expired', () => {
      expect(fold([...certified, expired('negotiation-101', '2027-03-09')])).toMatchObject({
        certifications: [{ courseId: 'negotiation-101', expiresOn: '2027-03-09', expired: true }],
      });
    });
  });

  describe('WithdrawEnrolment', () => {
    const path = enrolled(['product-basics', 'negotiation-101', 'crm-hygiene'], 'new-rep-path');

    it('withdraws the open enrolment in a course', () => {
      spec
        .given([enrolled(['negotiation-101'])])
        .when(withdraw({ courseId: 'negotiation-101' }))
        .then([withdrawn(['negotiation-101'])]);
    });

    it("withdraws a programme's courses that are still open, leaving those completed", () => {
      const history = [path, assessed(), completed('negotiation-101', 'new-rep-path')];
      spec
        .given(history)
        .when(withdraw({ programmeId: 'new-rep-path' }))
        .then([withdrawn(['product-basics', 'crm-hygiene'], 'new-rep-path')]);
      expect(fold([...history, withdrawn(['product-basics', 'crm-hygiene'], 'new-rep-path')])).toMatchObject({
        enrolments: [
          { courseId: 'product-basics', status: 'withdrawn' },
          { courseId: 'negotiation-101', status: 'completed' },
          { courseId: 'crm-hygiene', status: 'withdrawn' },
        ],
      });
    });

    it('changes nothing when withdrawn already', () => {
      spec
        .given([enrolled(['negotiation-101']), withdrawn(['negotiation-101'])])
        .when(withdraw({ courseId: 'negotiation-101' }))
        .thenNothingHappens();
      spec
        .given([path, withdrawn(['product-basics', 'negotiation-101', 'crm-hygiene'], 'new-rep-path')])
        .when(withdraw({ programmeId: 'new-rep-path' }))
        .thenNothingHappens();
    });

    it('withdraws a course enrolled in again after a withdrawal', () => {
      spec
        .given([enrolled(['negotiation-101']), withdrawn(['negotiation-101']), enrolled(['negotiation-101'])])
        .when(withdraw({ courseId: 'negotiation-101' }))
        .then([withdrawn(['negotiation-101'])]);
    });

    it('is refused for a course or programme the person is not enrolled in', () => {
      spec
        .given([path])
        .when(withdraw({ courseId: 'closing-201' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.NotEnrolled));
      spec
        .given([enrolled(['negotiation-101'])])
        .when(withdraw({ programmeId: 'new-rep-path' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.NotEnrolled));
    });

    it('is refused once the enrolment was completed by a pass', () => {
      spec
        .given([enrolled(['negotiation-101']), assessed(), completed('negotiation-101')])
        .when(withdraw({ courseId: 'negotiation-101' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.EnrolmentCompleted));
    });

    it('refuses naming both a course and a programme, or neither', () => {
      spec
        .given([path])
        .when(withdraw({ courseId: 'negotiation-101', programmeId: 'new-rep-path' }))
        .thenThrows(TrainingError, invalidField('programmeId'));
      spec.given([path]).when(withdraw({})).thenThrows(TrainingError, invalidField('courseId'));
    });

    it('refuses a withdrawal dated before the enrolment, naming withdrawnOn', () => {
      spec
        .given([path])
        .when(withdraw({ programmeId: 'new-rep-path' }, '2026-02-28'))
        .thenThrows(TrainingError, invalidField('withdrawnOn'));
    });

    it('is refused as not found for a person without a record', () => {
      spec
        .given([])
        .when(withdraw({ courseId: 'negotiation-101' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.RecordNotFound));
    });
  });
});
