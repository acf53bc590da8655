import {
  DealRegistrationAcceptedV1,
  DealRegistrationConflictedV1,
  eventOf,
  type IntegrationEvent,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { dealRegistrationEvents } from '../domain/deal-registration.decider';

/** Every decision is published, as the answer the channels service waits for. */
export function mapDealRegistrationEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('dealregistration-')) return [];
  const event = dealRegistrationEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'DealRegistrationAccepted':
      return [eventOf(DealRegistrationAcceptedV1, envelope, { ...event.data })];
    case 'DealRegistrationConflicted':
      return [eventOf(DealRegistrationConflictedV1, envelope, { ...event.data })];
  }
}
