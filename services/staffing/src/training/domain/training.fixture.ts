import type { CommandMetadata } from '@salesos/event-sourcing';
import type { RecordAssessment, TrainingCommand } from './training.commands';
import type { TrainingEvent } from './training.events';

/** A rep of the north division and the events of their training, for the training specs. */
export const now = '2026-03-10T12:00:00.000Z';
export const person = { personId: 'p-1', divisionId: 'north' };
export const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };

export const trainingCommand = <C extends TrainingCommand>(
  type: C['type'],
  data: C['data'],
  meta: Partial<CommandMetadata> = {},
): C => ({ type, data, metadata: { ...metadata, ...meta } }) as C;

export const enrolled = (courseIds: string[], programmeId?: string, enrolledOn = '2026-03-01'): TrainingEvent => ({
  type: 'PersonEnrolled',
  data: {
    ...person,
    courseIds,
    ...(programmeId === undefined ? {} : { programmeId }),
    enrolledOn,
    enrolledAt: now,
  },
});

export const assessment = (changes: Partial<RecordAssessment['data']> = {}): RecordAssessment['data'] => ({
  ...person,
  assessmentId: 'a-1',
  courseId: 'negotiation-101',
  score: 82,
  assessedBy: 'coach-1',
  assessedOn: '2026-03-09',
  passMark: 70,
  certificationValidityMonths: 12,
  ...changes,
});

export const assessed = (changes: Partial<RecordAssessment['data']> = {}, recordedAt = now): TrainingEvent => {
  const { certificationValidityMonths: _validity, ...data } = assessment(changes);
  return { type: 'AssessmentRecorded', data: { ...data, passed: data.score >= data.passMark, recordedAt } };
};

/** A certification granted; `expiresOn` undefined: one that never expires, granted by a course without validity. */
export const granted = (
  courseId: string,
  grantedOn: string,
  expiresOn: string | undefined,
  extra: { assessmentId?: string; validityMonths?: number; previousExpiresOn?: string } = {},
): TrainingEvent => ({
  type: 'CertificationGranted',
  data: {
    ...person,
    courseId,
    assessmentId: extra.assessmentId ?? 'a-1',
    grantedOn,
    ...(expiresOn === undefined ? {} : { expiresOn, validityMonths: extra.validityMonths ?? 12 }),
    ...(extra.previousExpiresOn === undefined ? {} : { previousExpiresOn: extra.previousExpiresOn }),
  },
});

export const expired = (courseId: string, expiresOn: string, expiredAt = now): TrainingEvent => ({
  type: 'CertificationExpired',
  data: { ...person, courseId, expiresOn, expiredAt },
});
