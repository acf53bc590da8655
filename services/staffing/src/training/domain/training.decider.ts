import type { Decider } from '@salesos/event-sourcing';
import { addMonths, latestDayOnEarth, utcDayOf } from '../../core/domain/calendar-days';
import type {
  EnrolPerson,
  ExpireCertification,
  RecordAssessment,
  TrainingCommand,
  WithdrawEnrolment,
} from './training.commands';
import { invalidInput, refuseRepeats, TrainingError, TrainingErrorCode } from './training.errors';
import { type TrainingEvent, trainingEvents } from './training.events';
import {
  type Enrolment,
  evolveTraining,
  lastsAsLong,
  latestCertification,
  openEnrolment,
  type TrainingRecord,
  type TrainingState,
} from './training.state';

const recordNotFound = () =>
  new TrainingError(TrainingErrorCode.RecordNotFound, 'No training record for this person in your division');

/** The person's record, if it is one of the caller's division; another division's reads as not found. */
function existing(state: TrainingState, divisionId: string | undefined): TrainingRecord {
  if (state.status === 'none' || (divisionId !== undefined && divisionId !== state.divisionId)) throw recordNotFound();
  return state;
}

/** The record a command may start: none yet, or one of the command's division. */
function startable(state: TrainingState, command: EnrolPerson | RecordAssessment): TrainingRecord | undefined {
  if (state.status === 'none') return undefined;
  return existing(state, command.metadata.divisionId ?? command.data.divisionId);
}

function enrol(command: EnrolPerson, state: TrainingState): TrainingEvent[] {
  const { personId, divisionId, courseIds, programmeId, enrolledOn } = command.data;
  const record = startable(state, command);
  if (courseIds.length === 0) throw invalidInput('courseIds', 'An enrolment names at least one course');
  refuseRepeats('courseIds', courseIds);
  // A course enrolled in already stays as it is: enrolling again is a repeat, not a second place.
  const added = record === undefined ? courseIds : courseIds.filter((courseId) => !openEnrolment(record, courseId));
  if (added.length === 0) return [];
  return [
    {
      type: 'PersonEnrolled',
      data: {
        personId: record?.personId ?? personId,
        divisionId: record?.divisionId ?? divisionId,
        courseIds: added,
        ...(programmeId === undefined ? {} : { programmeId }),
        enrolledOn,
        enrolledAt: command.metadata.now,
      },
    },
  ];
}

function checkAssessment(data: RecordAssessment['data'], now: string): void {
  const { score, passMark, certificationValidityMonths: validity, assessedOn } = data;
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw invalidInput('score', 'A score is a number of points from 0 to 100');
  }
  if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) {
    throw invalidInput('passMark', 'A pass mark is a whole number of points from 0 to 100');
  }
  if (validity !== undefined && (!Number.isInteger(validity) || validity < 1 || validity > 120)) {
    throw invalidInput('certificationValidityMonths', 'A certification is valid for 1 to 120 whole months');
  }
  if (assessedOn > latestDayOnEarth(now)) {
    throw invalidInput('assessedOn', 'An assessment is recorded once it took place, not before');
  }
}

/**
 * Records the evaluation whatever its result. A pass closes the open enrolment in the course and grants a
 * certification valid for the course's months from the day of the assessment, or for good when the course gives no
 * validity, unless the one held already lasts as long (a pass recorded late must not shorten it).
 */
function recordAssessment(command: RecordAssessment, state: TrainingState): TrainingEvent[] {
  const record = startable(state, command);
  const data = command.data;
  checkAssessment(data, command.metadata.now);
  if (record?.assessments.some((assessment) => assessment.assessmentId === data.assessmentId)) {
    throw new TrainingError(
      TrainingErrorCode.AlreadyExists,
      `Assessment ${data.assessmentId} is recorded already`,
      'assessmentId',
    );
  }
  const person = { personId: record?.personId ?? data.personId, divisionId: record?.divisionId ?? data.divisionId };
  const { assessmentId, courseId, score, passMark, assessedBy, assessedOn } = data;
  const passed = score >= passMark;
  const events: TrainingEvent[] = [
    {
      type: 'AssessmentRecorded',
      data: {
        ...person,
        assessmentId,
        courseId,
        score,
        passMark,
        passed,
        assessedBy,
        assessedOn,
        recordedAt: command.metadata.now,
      },
    },
  ];
  if (!passed) return events;
  const enrolment = record === undefined ? undefined : openEnrolment(record, courseId);
  if (enrolment !== undefined) {
    const { programmeId } = enrolment;
    events.push({
      type: 'EnrolmentCompleted',
      data: {
        ...person,
        courseId,
        ...(programmeId === undefined ? {} : { programmeId }),
        assessmentId,
        completedOn: assessedOn,
      },
    });
  }
  const validityMonths = data.certificationValidityMonths;
  const expiresOn = validityMonths === undefined ? undefined : addMonths(assessedOn, validityMonths);
  const held = record === undefined ? undefined : latestCertification(record, courseId);
  if (held !== undefined && lastsAsLong(held.expiresOn, expiresOn)) return events;
  events.push({
    type: 'CertificationGranted',
    data: {
      ...person,
      courseId,
      assessmentId,
      grantedOn: assessedOn,
      ...(expiresOn === undefined || validityMonths === undefined ? {} : { expiresOn, validityMonths }),
      ...(held?.expiresOn === undefined ? {} : { previousExpiresOn: held.expiresOn }),
    },
  });
  return events;
}

/**
 * Expires the certification named by its course and expiry, once its day came. Run by a timer that may fire twice or
 * late, it refuses what is no longer due: an expiry already recorded, or a certification a later pass renewed.
 */
function expireCertification(command: ExpireCertification, record: TrainingRecord): TrainingEvent[] {
  const { courseId, expiresOn } = command.data;
  const latest = latestCertification(record, courseId);
  if (latest === undefined) {
    throw new TrainingError(
      TrainingErrorCode.CertificationNotFound,
      `Person ${record.personId} never held a certification of course ${courseId}`,
      'courseId',
    );
  }
  if (latest.expiresOn !== expiresOn) {
    if (record.certifications.some((grant) => grant.courseId === courseId && grant.expiresOn === expiresOn)) {
      throw new TrainingError(
        TrainingErrorCode.CertificationRenewed,
        `The certification of course ${courseId} expiring on ${expiresOn} was renewed ${
          latest.expiresOn === undefined ? 'for good' : `until ${latest.expiresOn}`
        }`,
      );
    }
    throw new TrainingError(
      TrainingErrorCode.CertificationNotFound,
      `Person ${record.personId} held no certification of course ${courseId} expiring on ${expiresOn}`,
      'expiresOn',
    );
  }
  if (latest.expired) {
    throw new TrainingError(
      TrainingErrorCode.CertificationAlreadyExpired,
      `The certification of course ${courseId} expired on ${expiresOn} already`,
    );
  }
  if (utcDayOf(command.metadata.now) < expiresOn) {
    throw new TrainingError(
      TrainingErrorCode.CertificationNotDue,
      `The certification of course ${courseId} is valid until the day before ${expiresOn}`,
    );
  }
  const person = { personId: record.personId, divisionId: record.divisionId };
  return [{ type: 'CertificationExpired', data: { ...person, courseId, expiresOn, expiredAt: command.metadata.now } }];
}

/** Each course's latest enrolment among these: the one that says where the person stands in it now. */
function latestPerCourse(enrolments: readonly Enrolment[]): Enrolment[] {
  return [...new Map(enrolments.map((enrolment) => [enrolment.courseId, enrolment])).values()];
}

/** Closes open enrolments without a pass: one course's, or every open course of a programme. */
function withdrawEnrolment(command: WithdrawEnrolment, record: TrainingRecord): TrainingEvent[] {
  const { courseId, programmeId, reason, withdrawnOn } = command.data;
  if ((courseId === undefined) === (programmeId === undefined)) {
    throw invalidInput(
      courseId === undefined ? 'courseId' : 'programmeId',
      'Name the course or the programme to withdraw from, one of the two',
    );
  }
  const concerned = latestPerCourse(
    record.enrolments.filter((enrolment) =>
      courseId === undefined ? enrolment.programmeId === programmeId : enrolment.courseId === courseId,
    ),
  );
  const subject = courseId === undefined ? `programme ${programmeId}` : `course ${courseId}`;
  if (concerned.length === 0) {
    throw new TrainingError(TrainingErrorCode.NotEnrolled, `Person ${record.personId} is not enrolled in ${subject}`);
  }
  const open = concerned.filter((enrolment) => enrolment.status === 'open');
  if (open.length === 0) {
    // Withdrawn already: a repeat. Completed: there is nothing left to leave.
    if (concerned.some((enrolment) => enrolment.status === 'withdrawn')) return [];
    throw new TrainingError(
      TrainingErrorCode.EnrolmentCompleted,
      `Person ${record.personId} completed ${subject}; there is no open enrolment to withdraw from`,
    );
  }
  const enrolledLast = open.reduce(
    (last, enrolment) => (enrolment.enrolledOn > last ? enrolment.enrolledOn : last),
    '',
  );
  if (withdrawnOn < enrolledLast) {
    throw invalidInput('withdrawnOn', `A withdrawal cannot precede the enrolment it ends (${enrolledLast})`);
  }
  return [
    {
      type: 'EnrolmentWithdrawn',
      data: {
        personId: record.personId,
        divisionId: record.divisionId,
        courseIds: open.map((enrolment) => enrolment.courseId),
        ...(programmeId === undefined ? {} : { programmeId }),
        reason,
        withdrawnOn,
        withdrawnAt: command.metadata.now,
      },
    },
  ];
}

/** A person's training: enrolments, every assessment, and the certifications passes earn and time takes away. */
export const trainingDecider: Decider<TrainingState, TrainingCommand, TrainingEvent> = {
  events: trainingEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): TrainingEvent[] {
    switch (command.type) {
      case 'EnrolPerson':
        return enrol(command, state);
      case 'RecordAssessment':
        return recordAssessment(command, state);
      case 'ExpireCertification':
        return expireCertification(command, existing(state, command.metadata.divisionId));
      case 'WithdrawEnrolment':
        return withdrawEnrolment(command, existing(state, command.metadata.divisionId));
    }
  },

  evolve: evolveTraining,
};
