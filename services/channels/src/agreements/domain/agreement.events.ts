import { type Static, Type } from '@sinclair/typebox';
import { Territory } from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, text } from '@salesos/kernel';

export const ProductGroup = text(1, 80);

/** The cooperation terms one version of an agreement grants the dealer. */
export const AgreementTerms = Type.Object({
  discountPercent: Type.Number({ minimum: 0, maximum: 100 }),
  territories: Type.Array(Territory, { maxItems: 200 }),
  productGroups: Type.Array(ProductGroup, { maxItems: 200 }),
  exclusivity: Type.Boolean(),
  /** The territories where the dealer is the only one: some or all of `territories`, none without exclusivity. */
  exclusiveTerritories: Type.Array(Territory, { maxItems: 200 }),
  paymentTermsDays: Type.Integer({ minimum: 0, maximum: 365 }),
  /** The rebate programme these terms enrol the dealer in, if any. */
  rebateProgrammeId: Type.Optional(Id),
});
export type AgreementTerms = Static<typeof AgreementTerms>;

/** Who an agreement binds: on every event, so that each can be read on its own. */
const parties = { agreementId: Id, dealerId: Id, divisionId: Id };

/**
 * A version's period: it applies from `effectiveFrom` through `expiresOn` (both included), once signed, until a later
 * signed version takes over from its own `effectiveFrom`.
 */
const period = { effectiveFrom: CalendarDay, expiresOn: CalendarDay };

/**
 * An agreement's events. Versions are never edited: a change of terms is a new version, signed, that supersedes the
 * earlier ones from its effective day, so that "which terms applied on day D" has one answer forever.
 */
export const agreementEvents = defineEvents({
  AgreementVersionDrafted: Type.Object({
    ...parties,
    version: Type.Integer({ minimum: 1 }),
    terms: AgreementTerms,
    ...period,
    draftedAt: Instant,
  }),
  /** A renewal: a new version, drafted from the one it renews, that applies once signed like any other. */
  AgreementRenewed: Type.Object({
    ...parties,
    version: Type.Integer({ minimum: 1 }),
    renews: Type.Integer({ minimum: 1 }),
    terms: AgreementTerms,
    ...period,
    renewedAt: Instant,
  }),
  /** With the signed version's period and terms, so that who hears of the signature alone knows what now applies. */
  AgreementVersionSigned: Type.Object({
    ...parties,
    version: Type.Integer({ minimum: 1 }),
    effectiveFrom: CalendarDay,
    expiresOn: CalendarDay,
    terms: AgreementTerms,
    signedBy: text(1, 200),
    signedOn: CalendarDay,
    recordedAt: Instant,
  }),
  /** A draft that will not be signed: it no longer stands in the way of other drafts for its period. */
  AgreementDraftWithdrawn: Type.Object({
    ...parties,
    version: Type.Integer({ minimum: 1 }),
    reason: text(1, 500),
    withdrawnAt: Instant,
  }),
  /** No terms apply from `effectiveOn` on (that day included); the agreement takes no further command. */
  AgreementTerminated: Type.Object({
    ...parties,
    effectiveOn: CalendarDay,
    reason: text(1, 500),
    terminatedAt: Instant,
  }),
});

export type AgreementEvent = EventOf<typeof agreementEvents>;
type AgreementEventOf<Type extends AgreementEvent['type']> = Extract<AgreementEvent, { type: Type }>;
export type AgreementVersionDrafted = AgreementEventOf<'AgreementVersionDrafted'>;
export type AgreementRenewed = AgreementEventOf<'AgreementRenewed'>;
export type AgreementVersionSigned = AgreementEventOf<'AgreementVersionSigned'>;
export type AgreementDraftWithdrawn = AgreementEventOf<'AgreementDraftWithdrawn'>;
export type AgreementTerminated = AgreementEventOf<'AgreementTerminated'>;
