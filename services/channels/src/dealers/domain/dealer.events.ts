import { Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, text } from '@salesos/kernel';
import { DealerChannelKind } from '../../core/domain/channel-kind';
import { OnboardingRequirement } from './onboarding-requirements';

export const CompanyName = text(1, 200);
export const ContactEmail = Type.String({ minLength: 3, maxLength: 254, format: 'email' });
export const Territory = text(1, 80);
export const ProductGroup = text(1, 80);
export const Territories = Type.Array(Territory, { minItems: 1, maxItems: 200 });
export const ProductGroups = Type.Array(ProductGroup, { minItems: 1, maxItems: 200 });
export const Reason = text(1, 500);
export const Evidence = text(1, 1000);
export const EvidenceUrl = Type.String({ minLength: 1, maxLength: 2000, format: 'uri' });

/** Every dealer event names the dealer and its division, so projections and isolation need nothing else. */
const dealer = { dealerId: Id, divisionId: Id };

/**
 * A dealer's life, from its application to its termination, defined once: the codec checks each event on the way
 * into the store and out of it.
 */
export const dealerEvents = defineEvents({
  DealerApplied: Type.Object({
    ...dealer,
    companyName: CompanyName,
    contactEmail: ContactEmail,
    channelId: Id,
    channelKind: DealerChannelKind,
    territories: Territories,
    productGroups: ProductGroups,
    appliedBy: Id,
    appliedAt: Instant,
  }),
  /** The checklist is recorded as it was when approved, so it stays what the dealer was asked for. */
  DealerApplicationApproved: Type.Object({
    ...dealer,
    requirements: Type.Array(OnboardingRequirement, { minItems: 1, maxItems: 50 }),
    approvedAt: Instant,
  }),
  DealerApplicationRejected: Type.Object({ ...dealer, reason: Reason, rejectedAt: Instant }),
  OnboardingRequirementTicked: Type.Object({
    ...dealer,
    requirementId: Id,
    evidence: Evidence,
    evidenceUrl: Type.Optional(EvidenceUrl),
    tickedBy: Id,
    tickedAt: Instant,
  }),
  /** With the dealer's channel and company, so that who hears of the activation alone knows whom it is about. */
  DealerActivated: Type.Object({ ...dealer, channelId: Id, companyName: CompanyName, activatedAt: Instant }),
  DealerSuspended: Type.Object({ ...dealer, reason: Reason, suspendedAt: Instant }),
  DealerReinstated: Type.Object({ ...dealer, reinstatedAt: Instant }),
  /** `effectiveDay` is the last day of the cooperation: the notice may end later than the day it is recorded. */
  DealerTerminated: Type.Object({ ...dealer, reason: Reason, effectiveDay: CalendarDay, terminatedAt: Instant }),
  DealerUserAdded: Type.Object({ ...dealer, userId: Id, addedAt: Instant }),
  DealerUserRemoved: Type.Object({ ...dealer, userId: Id, removedAt: Instant }),
});

export type DealerEvent = EventOf<typeof dealerEvents>;
type DealerEventOf<Type extends DealerEvent['type']> = Extract<DealerEvent, { type: Type }>;
export type DealerApplied = DealerEventOf<'DealerApplied'>;
export type DealerApplicationApproved = DealerEventOf<'DealerApplicationApproved'>;
export type OnboardingRequirementTicked = DealerEventOf<'OnboardingRequirementTicked'>;
export type DealerTerminated = DealerEventOf<'DealerTerminated'>;
