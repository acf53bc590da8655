import type { Command } from '@salesos/event-sourcing';

/**
 * Enrols a person in courses: one course, or a programme's courses (`programmeId` set, `courseIds` its active
 * courses as the handler read them). Courses the person is enrolled in already are left as they are.
 */
export type EnrolPerson = Command<
  'EnrolPerson',
  { personId: string; divisionId: string; courseIds: string[]; programmeId?: string; enrolledOn: string }
>;

/**
 * Records one evaluation, passed or failed. The course's pass mark and certification validity come with the command,
 * as the handler read them from the course: the assessment is judged by the course as it stood. Without a validity,
 * a pass certifies for good.
 */
export type RecordAssessment = Command<
  'RecordAssessment',
  {
    personId: string;
    divisionId: string;
    assessmentId: string;
    courseId: string;
    score: number;
    assessedBy: string;
    assessedOn: string;
    passMark: number;
    certificationValidityMonths?: number;
  }
>;

/** Expires the certification of a course that expires on `expiresOn`: that one, not one a later pass renewed. */
export type ExpireCertification = Command<'ExpireCertification', { courseId: string; expiresOn: string }>;

/** Withdraws the person from one course's open enrolment, or from every open course of a programme: one of the two. */
export type WithdrawEnrolment = Command<
  'WithdrawEnrolment',
  { courseId?: string; programmeId?: string; reason: string; withdrawnOn: string }
>;

export type TrainingCommand = EnrolPerson | RecordAssessment | ExpireCertification | WithdrawEnrolment;
