import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';

export const DivisionTeam = Type.Object({
  teamId: Id,
  name: text(1, 120),
  repIds: Type.Array(Id, { maxItems: 500 }),
});
export type DivisionTeam = Static<typeof DivisionTeam>;

export const DivisionRoster = Type.Object({
  name: text(1, 120),
  /** The reps who may own the division's leads and deals. */
  repIds: Type.Array(Id, { maxItems: 5_000 }),
  teams: Type.Array(DivisionTeam, { maxItems: 500 }),
  /** The dealers the division sells through. */
  dealerIds: Type.Array(Id, { maxItems: 5_000 }),
});
export type DivisionRoster = Static<typeof DivisionRoster>;

/**
 * A sales division as the leads service knows it: its reps, teams and dealers, recorded as a whole each time. The
 * staffing and channels services will own people and dealers; until they publish them, an admin records them here.
 */
export const divisionEvents = defineEvents({
  DivisionRecorded: Type.Object({ divisionId: Id, ...DivisionRoster.properties, recordedAt: Instant }),
});
export type DivisionEvent = EventOf<typeof divisionEvents>;
