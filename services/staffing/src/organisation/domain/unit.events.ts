import { type Static, Type } from '@sinclair/typebox';
import { StaffingReason, UnitCut, UnitKind, UnitName } from '@salesos/contracts';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant } from '@salesos/kernel';

/** What a unit covers: its name, and the product groups, customer segments and territories it is cut by. */
export const UnitProfile = Type.Object({
  name: UnitName,
  productGroups: UnitCut,
  segments: UnitCut,
  territories: UnitCut,
});
export type UnitProfile = Static<typeof UnitProfile>;

/** Every unit event names the unit and its division, so projections and isolation need nothing else. */
const unit = { unitId: Id, divisionId: Id };

/**
 * A unit of a division's sales organisation, from its opening to its closing, defined once: the codec checks each
 * event on the way into the store and out of it. Days (`effectiveOn`) are business days from which a change holds;
 * instants are when it was recorded.
 */
export const unitEvents = defineEvents({
  /** No `parentUnitId`: the unit sits right under the division. */
  UnitOpened: Type.Object({
    ...unit,
    kind: UnitKind,
    parentUnitId: Type.Optional(Id),
    ...UnitProfile.properties,
    effectiveOn: CalendarDay,
    openedAt: Instant,
  }),
  /** Renamed or cut anew, as a whole: the profile holds from when it is recorded. */
  UnitRevised: Type.Object({ ...unit, ...UnitProfile.properties, revisedAt: Instant }),
  /** The unit's manager from `effectiveOn` until the next assignment; one of the same day replaces it. */
  UnitManagerAssigned: Type.Object({ ...unit, personId: Id, effectiveOn: CalendarDay, assignedAt: Instant }),
  UnitClosed: Type.Object({ ...unit, reason: StaffingReason, effectiveOn: CalendarDay, closedAt: Instant }),
});

export type UnitEvent = EventOf<typeof unitEvents>;
