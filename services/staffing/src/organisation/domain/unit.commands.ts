import type { Command } from '@salesos/event-sourcing';
import type { UnitKind } from '@salesos/contracts';
import type { UnitProfile } from './unit.events';

/** The unit a new one is to sit under, as the division's organisation has it when the command is decided. */
export interface ParentUnit {
  unitId: string;
  kind: UnitKind;
  openedOn: string;
  /** Set once the parent's closing is recorded. */
  closedOn?: string;
}

export type OpenUnit = Command<
  'OpenUnit',
  UnitProfile & {
    unitId: string;
    divisionId: string;
    kind: UnitKind;
    /** None: right under the division. */
    parent?: ParentUnit;
    effectiveOn: string;
  }
>;
export type ReviseUnit = Command<'ReviseUnit', UnitProfile>;
export type AssignUnitManager = Command<'AssignUnitManager', { personId: string; effectiveOn: string }>;
export type CloseUnit = Command<
  'CloseUnit',
  {
    reason: string;
    effectiveOn: string;
    /** The people who belong to the unit on `effectiveOn` or are to join it later, as its membership says. */
    memberCount: number;
    /** The units right below it that are open on `effectiveOn` or later. */
    openUnitIds: string[];
  }
>;

export type UnitCommand = OpenUnit | ReviseUnit | AssignUnitManager | CloseUnit;
