import {
  eventOf,
  type IntegrationEvent,
  MemberJoinedV1,
  MemberLeftV1,
  MemberTransferredV1,
  RampScheduleSetV1,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { personEvents } from '../domain/person.events';

/** The login the person works under, when they have one: the leads service knows reps by it. */
const login = (userId: string | undefined) => (userId === undefined ? {} : { userId });

/**
 * What the world learns of a person: each change of the unit they belong to (joined on hire, transferred, left on
 * departure), each with the first day it holds, and their ramp schedule. Names, emails, onboarding and leave stay
 * inside the service.
 */
export function mapPersonEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('person-')) return [];
  const event = personEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'MemberJoined': {
      const { personId, divisionId, userId, unitId, positionId, effectiveOn, recordedAt } = event.data;
      return [
        eventOf(MemberJoinedV1, envelope, {
          personId,
          divisionId,
          ...login(userId),
          unitId,
          positionId,
          effectiveOn,
          recordedAt,
        }),
      ];
    }
    case 'MemberTransferred': {
      const { personId, divisionId, userId, fromUnitId, toUnitId, fromPositionId, toPositionId } = event.data;
      return [
        eventOf(MemberTransferredV1, envelope, {
          personId,
          divisionId,
          ...login(userId),
          fromUnitId,
          toUnitId,
          fromPositionId,
          toPositionId,
          reason: event.data.reason,
          effectiveOn: event.data.effectiveOn,
          recordedAt: event.data.recordedAt,
        }),
      ];
    }
    case 'MemberLeft': {
      const { personId, divisionId, userId, unitId, reason, effectiveOn, recordedAt } = event.data;
      return [
        eventOf(MemberLeftV1, envelope, {
          personId,
          divisionId,
          ...login(userId),
          unitId,
          reason,
          effectiveOn,
          recordedAt,
        }),
      ];
    }
    case 'RampScheduleSet': {
      const { personId, divisionId, userId, hiredOn, monthlyShares, recordedAt } = event.data;
      return [
        eventOf(RampScheduleSetV1, envelope, {
          personId,
          divisionId,
          ...login(userId),
          hiredOn,
          monthlyShares,
          recordedAt,
        }),
      ];
    }
    case 'PersonHired':
    case 'OnboardingPlanSet':
    case 'OnboardingTaskCompleted':
    case 'LeaveStarted':
    case 'LeaveEnded':
    case 'PersonDeparted':
      return [];
  }
}
