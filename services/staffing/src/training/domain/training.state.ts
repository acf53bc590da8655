import type { TrainingEvent } from './training.events';

export type EnrolmentStatus = 'open' | 'completed' | 'withdrawn';

/** One enrolment of the person in one course; a course may be enrolled in again once its enrolment closed. */
export interface Enrolment {
  courseId: string;
  programmeId?: string;
  enrolledOn: string;
  status: EnrolmentStatus;
}

export interface Assessment {
  assessmentId: string;
  courseId: string;
  score: number;
  passMark: number;
  passed: boolean;
  assessedBy: string;
  assessedOn: string;
}

/** One certification granted; a renewal is a later grant of the same course. */
export interface CertificationGrant {
  courseId: string;
  assessmentId: string;
  grantedOn: string;
  /** The first day it is no longer valid; none for a certification that never expires. */
  expiresOn?: string;
  /** Whether its expiry was recorded; validity at a date is read from the dates alone. */
  expired: boolean;
}

export interface TrainingRecord {
  status: 'recorded';
  personId: string;
  divisionId: string;
  /** Every enrolment, in the order made. */
  enrolments: Enrolment[];
  /** Every assessment, in the order recorded. */
  assessments: Assessment[];
  /** Every certification granted, in the order granted: a course's later grants expire later. */
  certifications: CertificationGrant[];
}

export type TrainingState = { status: 'none' } | TrainingRecord;

/** The enrolment in a course that is still open, if any. */
export function openEnrolment(record: TrainingRecord, courseId: string): Enrolment | undefined {
  return record.enrolments.find((enrolment) => enrolment.courseId === courseId && enrolment.status === 'open');
}

/** The course's latest certification: the one a pass granted last, which expires last (or never). */
export function latestCertification(record: TrainingRecord, courseId: string): CertificationGrant | undefined {
  return record.certifications.filter((grant) => grant.courseId === courseId).at(-1);
}

/** Whether a certification expiring on `held` stays valid at least as long as one expiring on `other`; none: never. */
export function lastsAsLong(held: string | undefined, other: string | undefined): boolean {
  return held === undefined || (other !== undefined && held >= other);
}

function closeOpen(
  enrolments: readonly Enrolment[],
  courseIds: readonly string[],
  status: EnrolmentStatus,
): Enrolment[] {
  return enrolments.map((enrolment) =>
    enrolment.status === 'open' && courseIds.includes(enrolment.courseId) ? { ...enrolment, status } : enrolment,
  );
}

const emptyRecord = (personId: string, divisionId: string): TrainingRecord => ({
  status: 'recorded',
  personId,
  divisionId,
  enrolments: [],
  assessments: [],
  certifications: [],
});

/** A person's training record after one more of its events. */
export function evolveTraining(state: TrainingState, event: TrainingEvent): TrainingState {
  const record = state.status === 'none' ? emptyRecord(event.data.personId, event.data.divisionId) : state;
  switch (event.type) {
    case 'PersonEnrolled': {
      const { courseIds, programmeId, enrolledOn } = event.data;
      const added = courseIds.map((courseId): Enrolment => ({
        courseId,
        ...(programmeId === undefined ? {} : { programmeId }),
        enrolledOn,
        status: 'open',
      }));
      return { ...record, enrolments: [...record.enrolments, ...added] };
    }
    case 'EnrolmentWithdrawn':
      return { ...record, enrolments: closeOpen(record.enrolments, event.data.courseIds, 'withdrawn') };
    case 'EnrolmentCompleted':
      return { ...record, enrolments: closeOpen(record.enrolments, [event.data.courseId], 'completed') };
    case 'AssessmentRecorded': {
      const { personId: _personId, divisionId: _divisionId, recordedAt: _recordedAt, ...assessment } = event.data;
      return { ...record, assessments: [...record.assessments, assessment] };
    }
    case 'CertificationGranted': {
      const { courseId, assessmentId, grantedOn, expiresOn } = event.data;
      const grant: CertificationGrant = {
        courseId,
        assessmentId,
        grantedOn,
        ...(expiresOn === undefined ? {} : { expiresOn }),
        expired: false,
      };
      return { ...record, certifications: [...record.certifications, grant] };
    }
    case 'CertificationExpired': {
      const { courseId, expiresOn } = event.data;
      const certifications = record.certifications.map((grant) =>
        grant.courseId === courseId && grant.expiresOn === expiresOn ? { ...grant, expired: true } : grant,
      );
      return { ...record, certifications };
    }
  }
}
