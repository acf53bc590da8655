import { Type } from '@sinclair/typebox';
import { CompanyName, DealRegistrationRule, Email, StageId } from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, Money } from '@salesos/kernel';

/**
 * Every event names its registration, dealer and division, so that each can be published (submitted, accepted,
 * conflicted, lapsed, won, lost) and projected without the stream's earlier events.
 */
const registration = { registrationId: Id, divisionId: Id, dealerId: Id };

/** A deal registration's events, defined once and checked on the way into the store and out of it. */
export const registrationEvents = defineEvents({
  /** Carries what DealRegistrationSubmittedV1 needs, for the leads service to answer by its first-come rule. */
  RegistrationSubmitted: Type.Object({
    ...registration,
    companyName: CompanyName,
    contactEmail: Type.Optional(Email),
    productGroup: Type.Optional(Id),
    estimatedValue: Type.Optional(Money),
    submittedBy: Id,
    submittedAt: Instant,
  }),
  /**
   * The leads service's acceptance (DealRegistrationAcceptedV1): its rule and when it decided; the lead or deal it
   * links and the end of the protection, when it gives them. `recordedAt` is when this service learned it.
   */
  RegistrationAccepted: Type.Object({
    ...registration,
    rule: DealRegistrationRule,
    leadId: Type.Optional(Id),
    opportunityId: Type.Optional(Id),
    expiresOn: Type.Optional(CalendarDay),
    decidedAt: Instant,
    recordedAt: Instant,
  }),
  /** The leads service's conflict (DealRegistrationConflictedV1): the rule, and the holders that came first. */
  RegistrationConflicted: Type.Object({
    ...registration,
    rule: DealRegistrationRule,
    conflictingLeadIds: Type.Array(Id),
    conflictingOpportunityIds: Type.Array(Id),
    decidedAt: Instant,
    recordedAt: Instant,
  }),
  /** The registered deal moved; the lapse clock starts again from `progressedAt`. */
  RegistrationProgressed: Type.Object({
    ...registration,
    opportunityId: Id,
    stage: StageId,
    progressedAt: Instant,
  }),
  /** No progress for `lapseAfterDays` since `lastActivityAt`: the dealer no longer holds the deal. */
  RegistrationLapsed: Type.Object({
    ...registration,
    lapseAfterDays: Type.Integer({ minimum: 1 }),
    lastActivityAt: Instant,
    dueAt: Instant,
    lapsedAt: Instant,
  }),
  RegistrationWon: Type.Object({ ...registration, opportunityId: Id, wonAt: Instant }),
  RegistrationLost: Type.Object({ ...registration, opportunityId: Id, lostAt: Instant }),
});

export type RegistrationEvent = EventOf<typeof registrationEvents>;
type RegistrationEventOf<Type extends RegistrationEvent['type']> = Extract<RegistrationEvent, { type: Type }>;
export type RegistrationSubmitted = RegistrationEventOf<'RegistrationSubmitted'>;
export type RegistrationAccepted = RegistrationEventOf<'RegistrationAccepted'>;
export type RegistrationConflicted = RegistrationEventOf<'RegistrationConflicted'>;
export type RegistrationProgressed = RegistrationEventOf<'RegistrationProgressed'>;
export type RegistrationLapsed = RegistrationEventOf<'RegistrationLapsed'>;
export type RegistrationWon = RegistrationEventOf<'RegistrationWon'>;
export type RegistrationLost = RegistrationEventOf<'RegistrationLost'>;
