import { DealRegistrationSubmittedV1, eventOf, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { registrationEvents } from '../domain/registration.events';

/**
 * What the world learns of a deal registration: its submission, which the leads service answers by its first-come
 * rule. The answers come from the leads service; progress, lapse and outcome are not published yet.
 */
export function mapRegistrationEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('registration-')) return [];
  const event = registrationEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'RegistrationSubmitted': {
      const { data } = event;
      return [
        eventOf(DealRegistrationSubmittedV1, envelope, {
          registrationId: data.registrationId,
          divisionId: data.divisionId,
          dealerId: data.dealerId,
          companyName: data.companyName,
          ...(data.contactEmail === undefined ? {} : { contactEmail: data.contactEmail }),
          ...(data.estimatedValue === undefined ? {} : { estimatedValue: data.estimatedValue }),
          submittedAt: data.submittedAt,
        }),
      ];
    }
    case 'RegistrationAccepted':
    case 'RegistrationConflicted':
    case 'RegistrationProgressed':
    case 'RegistrationLapsed':
    case 'RegistrationWon':
    case 'RegistrationLost':
      return [];
  }
}
