import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, Money, text } from '@salesos/kernel';

/** What a dealer must show to hold a tier: every criterion must be met. */
export const TierCriteria = Type.Object({
  minRevenueLast12Months: Money,
  minCertifiedPeople: Type.Integer({ minimum: 0, maximum: 100_000 }),
  minRegistrationWinRate: Type.Number({ minimum: 0, maximum: 1 }),
});
export type TierCriteria = Static<typeof TierCriteria>;

export const Tier = Type.Object({ tierId: Id, name: text(1, 80), criteria: TierCriteria });
export type Tier = Static<typeof Tier>;

/** A division's tiers, lowest first; the lowest is the entry tier every dealer in the programme holds at least. */
export const TierProgrammeDefinition = Type.Object({
  programmeId: Id,
  divisionId: Id,
  name: text(1, 120),
  tiers: Type.Array(Tier, { minItems: 1, maxItems: 20 }),
});
export type TierProgrammeDefinition = Static<typeof TierProgrammeDefinition>;

/** A programme is defined, and redefined, as a whole: one consistent ladder at any time. */
export const tierProgrammeEvents = defineEvents({
  TierProgrammeDefined: Type.Object({ ...TierProgrammeDefinition.properties, definedAt: Instant }),
});
export type TierProgrammeEvent = EventOf<typeof tierProgrammeEvents>;
