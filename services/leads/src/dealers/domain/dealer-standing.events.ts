import { Type } from '@sinclair/typebox';
import { DealerChannelId } from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, oneOf } from '@salesos/kernel';

export const dealerStandings = ['active', 'suspended', 'terminated'] as const;
export type DealerStanding = (typeof dealerStandings)[number];

/**
 * What the leads service learned of a dealer from the channels service's dealer events: the division it belongs to,
 * the channel it sells through and whether it may take deals, stored so that the service's own history says which
 * dealers it knew when it accepted or refused an attribution.
 */
export const dealerStandingEvents = defineEvents({
  DealerStandingRecorded: Type.Object({
    dealerId: Id,
    divisionId: Id,
    channelId: Type.Optional(DealerChannelId),
    standing: oneOf(dealerStandings),
    /** When the channels service changed the standing: its activation, suspension, reinstatement or termination. */
    since: Instant,
    /** For a termination: the last day the dealer may sell. */
    lastDay: Type.Optional(CalendarDay),
    recordedAt: Instant,
  }),
});
export type DealerStandingEvent = EventOf<typeof dealerStandingEvents>;
