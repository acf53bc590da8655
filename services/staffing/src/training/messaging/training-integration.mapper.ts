import {
  AssessmentRecordedV1,
  CertificationExpiredV1,
  CertificationGrantedV1,
  eventOf,
  type IntegrationEvent,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { trainingEvents } from '../domain/training.events';

/**
 * What the world learns of people's training: every assessment, passed or failed, and each certification granted,
 * renewed or expired. Enrolments, completions and withdrawals stay inside the service; the catalogue too.
 */
export function mapTrainingEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('training-')) return [];
  const event = trainingEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'AssessmentRecorded': {
      const { personId, divisionId, assessmentId, courseId, score, passMark, passed, assessedBy, assessedOn } =
        event.data;
      return [
        eventOf(AssessmentRecordedV1, envelope, {
          personId,
          divisionId,
          assessmentId,
          courseId,
          score,
          passMark,
          passed,
          assessedBy,
          assessedOn,
          recordedAt: event.data.recordedAt,
        }),
      ];
    }
    case 'CertificationGranted': {
      const { personId, divisionId, courseId, assessmentId, grantedOn, expiresOn, validityMonths, previousExpiresOn } =
        event.data;
      return [
        eventOf(CertificationGrantedV1, envelope, {
          personId,
          divisionId,
          courseId,
          assessmentId,
          grantedOn,
          ...(expiresOn === undefined ? {} : { expiresOn }),
          ...(validityMonths === undefined ? {} : { validityMonths }),
          ...(previousExpiresOn === undefined ? {} : { previousExpiresOn }),
        }),
      ];
    }
    case 'CertificationExpired': {
      const { personId, divisionId, courseId, expiresOn, expiredAt } = event.data;
      return [eventOf(CertificationExpiredV1, envelope, { personId, divisionId, courseId, expiresOn, expiredAt })];
    }
    case 'PersonEnrolled':
    case 'EnrolmentWithdrawn':
    case 'EnrolmentCompleted':
      return [];
  }
}
