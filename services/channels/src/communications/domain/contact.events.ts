import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, oneOf, text } from '@salesos/kernel';
import { DayOrInstant } from './contact-days';

export const contactKinds = ['meeting', 'call', 'visit', 'training', 'email'] as const;
export const ContactKind = oneOf(contactKinds);
export type ContactKind = Static<typeof ContactKind>;

export const ContactSummary = text(1, 2000);
export const ContactOutcome = text(1, 500);
export const FollowUpNote = text(1, 1000);

const contact = { contactId: Id, dealerId: Id, divisionId: Id };

/**
 * One contact with a dealer and its follow-up, defined once: the codec checks each event on the way into the store
 * and out of it.
 */
export const contactEvents = defineEvents({
  ContactLogged: Type.Object({
    ...contact,
    kind: ContactKind,
    happenedAt: DayOrInstant,
    summary: ContactSummary,
    outcome: ContactOutcome,
    /** The day by which someone should get back to the dealer; none when nothing was agreed. */
    followUpDue: Type.Optional(CalendarDay),
    loggedBy: Id,
    loggedAt: Instant,
  }),
  /** Carries the due day too, so a reader sees whether the follow-up came late without the contact at hand. */
  FollowUpCompleted: Type.Object({
    ...contact,
    followUpDue: CalendarDay,
    completedAt: Instant,
    note: FollowUpNote,
  }),
});

export type ContactEvent = EventOf<typeof contactEvents>;
