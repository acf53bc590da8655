import {
  DealRegistrationAcceptanceRecordedV1,
  DealRegistrationConflictRecordedV1,
  DealRegistrationLapsedV1,
  DealRegistrationLostV1,
  DealRegistrationSubmittedV1,
  DealRegistrationWonV1,
  eventOf,
  type IntegrationEvent,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { registrationEvents } from '../domain/registration.events';

/**
 * What the world learns of a deal registration: its submission, which the leads service answers by its first-come
 * rule; the answer as the registration recorded it; its lapse; and the outcome of the registered deal. Progress only
 * restarts the lapse clock and is not published: the deal's own events say how it moved.
 */
export function mapRegistrationEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('registration-')) return [];
  const event = registrationEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  const { registrationId, divisionId, dealerId } = event.data;
  const ids = { registrationId, divisionId, dealerId };
  switch (event.type) {
    case 'RegistrationSubmitted': {
      const { data } = event;
      return [
        eventOf(DealRegistrationSubmittedV1, envelope, {
          ...ids,
          companyName: data.companyName,
          ...(data.contactEmail === undefined ? {} : { contactEmail: data.contactEmail }),
          ...(data.estimatedValue === undefined ? {} : { estimatedValue: data.estimatedValue }),
          submittedAt: data.submittedAt,
        }),
      ];
    }
    case 'RegistrationAccepted': {
      const { data } = event;
      return [
        eventOf(DealRegistrationAcceptanceRecordedV1, envelope, {
          ...ids,
          rule: data.rule,
          ...(data.leadId === undefined ? {} : { leadId: data.leadId }),
          ...(data.opportunityId === undefined ? {} : { opportunityId: data.opportunityId }),
          ...(data.expiresOn === undefined ? {} : { expiresOn: data.expiresOn }),
          decidedAt: data.decidedAt,
          recordedAt: data.recordedAt,
        }),
      ];
    }
    case 'RegistrationConflicted': {
      const { data } = event;
      return [
        eventOf(DealRegistrationConflictRecordedV1, envelope, {
          ...ids,
          rule: data.rule,
          conflictingLeadIds: data.conflictingLeadIds,
          conflictingOpportunityIds: data.conflictingOpportunityIds,
          decidedAt: data.decidedAt,
          recordedAt: data.recordedAt,
        }),
      ];
    }
    case 'RegistrationLapsed': {
      const { data } = event;
      return [
        eventOf(DealRegistrationLapsedV1, envelope, {
          ...ids,
          lapseAfterDays: data.lapseAfterDays,
          lastActivityAt: data.lastActivityAt,
          dueAt: data.dueAt,
          lapsedAt: data.lapsedAt,
        }),
      ];
    }
    case 'RegistrationWon':
      return [
        eventOf(DealRegistrationWonV1, envelope, {
          ...ids,
          opportunityId: event.data.opportunityId,
          wonAt: event.data.wonAt,
        }),
      ];
    case 'RegistrationLost':
      return [
        eventOf(DealRegistrationLostV1, envelope, {
          ...ids,
          opportunityId: event.data.opportunityId,
          lostAt: event.data.lostAt,
        }),
      ];
    case 'RegistrationProgressed':
      return [];
  }
}
