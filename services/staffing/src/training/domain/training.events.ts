import { Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant } from '@salesos/kernel';
import { AssessmentScore, CertificationValidityMonths, PassMark, StaffingReason } from '@salesos/contracts';

const CourseIds = Type.Array(Id, { minItems: 1, maxItems: 50 });

/** Every event of a person's training names the person and their division, so projections need nothing else. */
const person = { personId: Id, divisionId: Id };

/**
 * A person's training, one stream per person: what they were enrolled in, every assessment they took (failed ones
 * too: the record of evaluation is the point), and the certifications their passes earned, renewed and lost.
 */
export const trainingEvents = defineEvents({
  /** `programmeId` when the courses came with a programme: then they are the programme's courses not open already. */
  PersonEnrolled: Type.Object({
    ...person,
    courseIds: CourseIds,
    programmeId: Type.Optional(Id),
    enrolledOn: CalendarDay,
    enrolledAt: Instant,
  }),
  /** `programmeId` when the person left a programme: then `courseIds` are its courses that were still open. */
  EnrolmentWithdrawn: Type.Object({
    ...person,
    courseIds: CourseIds,
    programmeId: Type.Optional(Id),
    reason: StaffingReason,
    withdrawnOn: CalendarDay,
    withdrawnAt: Instant,
  }),
  /** The assessment whose pass closed an open enrolment in the course. */
  EnrolmentCompleted: Type.Object({
    ...person,
    courseId: Id,
    programmeId: Type.Optional(Id),
    assessmentId: Id,
    completedOn: CalendarDay,
  }),
  /** With the pass mark it was judged by, so a later revision of the course never re-judges it. */
  AssessmentRecorded: Type.Object({
    ...person,
    assessmentId: Id,
    courseId: Id,
    score: AssessmentScore,
    passMark: PassMark,
    passed: Type.Boolean(),
    assessedBy: Id,
    assessedOn: CalendarDay,
    recordedAt: Instant,
  }),
  /**
   * Valid from `grantedOn` until the day before `expiresOn`; without `expiresOn` (a course without a validity) it
   * never expires. A renewal carries the expiry of the certification it replaces in `previousExpiresOn`.
   */
  CertificationGranted: Type.Object({
    ...person,
    courseId: Id,
    assessmentId: Id,
    grantedOn: CalendarDay,
    expiresOn: Type.Optional(CalendarDay),
    validityMonths: Type.Optional(CertificationValidityMonths),
    previousExpiresOn: Type.Optional(CalendarDay),
  }),
  CertificationExpired: Type.Object({ ...person, courseId: Id, expiresOn: CalendarDay, expiredAt: Instant }),
});

export type TrainingEvent = EventOf<typeof trainingEvents>;
type TrainingEventOf<Type extends TrainingEvent['type']> = Extract<TrainingEvent, { type: Type }>;
export type PersonEnrolled = TrainingEventOf<'PersonEnrolled'>;
export type EnrolmentWithdrawn = TrainingEventOf<'EnrolmentWithdrawn'>;
export type EnrolmentCompleted = TrainingEventOf<'EnrolmentCompleted'>;
export type AssessmentRecorded = TrainingEventOf<'AssessmentRecorded'>;
export type CertificationGranted = TrainingEventOf<'CertificationGranted'>;
export type CertificationExpired = TrainingEventOf<'CertificationExpired'>;
