import { type Static, Type } from '@sinclair/typebox';
import { StaffingReason } from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';

/** What a position asks of whoever holds it. */
export const PositionProfile = Type.Object({
  title: text(1, 120),
  duties: Type.Array(text(1, 500), { maxItems: 50 }),
  /** The courses whose certification the position requires: what a holder's readiness is measured against. */
  requiredCertifications: Type.Array(Id, { maxItems: 100 }),
});
export type PositionProfile = Static<typeof PositionProfile>;

const position = { positionId: Id, divisionId: Id };

/** A division's position, from its definition through its revisions to its retirement. */
export const positionEvents = defineEvents({
  PositionDefined: Type.Object({ ...position, ...PositionProfile.properties, definedAt: Instant }),
  /** The whole profile anew: it holds from when it is recorded. */
  PositionRevised: Type.Object({ ...position, ...PositionProfile.properties, revisedAt: Instant }),
  PositionRetired: Type.Object({ ...position, reason: StaffingReason, retiredAt: Instant }),
});

export type PositionEvent = EventOf<typeof positionEvents>;
