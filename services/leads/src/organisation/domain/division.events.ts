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
});
export type DivisionRoster = Static<typeof DivisionRoster>;

/**
 * A sales division as the leads service knows it: its reps and teams, recorded as a whole each time. The staffing
 * service will own people; until it publishes them, an admin records them here. Dealers come from the channels
 * service (see the dealers feature).
 */
export const divisionEvents = defineEvents({
  DivisionRecorded: Type.Object({
    divisionId: Id,
    ...DivisionRoster.properties,
    /**
     * The dealers an admin listed, in divisions recorded before the channels service's dealers were the ones deals
     * are attributed to: kept readable, since history is kept for ever, and never consulted.
     */
    dealerIds: Type.Optional(Type.Array(Id, { maxItems: 5_000 })),
    recordedAt: Instant,
  }),
});
export type DivisionEvent = EventOf<typeof divisionEvents>;
