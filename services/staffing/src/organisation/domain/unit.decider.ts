import type { UnitKind } from '@salesos/contracts';
import type { Decider } from '@salesos/event-sourcing';
import type { OpenUnit, UnitCommand } from './unit.commands';
import { requireListedOnce, sameList } from './lists';
import { invalidInput, OrganisationError, OrganisationErrorCode } from './organisation.errors';
import { type UnitEvent, unitEvents, type UnitProfile } from './unit.events';

/** Who manages a unit from a day on, until the next assignment. */
export interface ManagerAssignment {
  personId: string;
  effectiveOn: string;
}

export interface Unit extends UnitProfile {
  unitId: string;
  divisionId: string;
  kind: UnitKind;
  /** None: right under the division. */
  parentUnitId?: string;
  /** `closed` once its closing is recorded, whether or not the closing day has come. */
  status: 'open' | 'closed';
  openedOn: string;
  /** The first day the unit no longer exists. */
  closedOn?: string;
  closingReason?: string;
  /** Every manager assignment, by the day it takes effect. */
  managers: ManagerAssignment[];
}

export type UnitState = { status: 'none' } | Unit;

/** Whether the unit exists on a day: opened by then, and not closed yet. */
export function isOpenOn(unit: Pick<Unit, 'openedOn' | 'closedOn'>, day: string): boolean {
  return unit.openedOn <= day && (unit.closedOn === undefined || day < unit.closedOn);
}

/** The person managing the unit on a day: the latest assignment taking effect by then. */
export function managerOn(unit: Pick<Unit, 'managers'>, day: string): string | undefined {
  let manager: string | undefined;
  for (const assignment of unit.managers) if (assignment.effectiveOn <= day) manager = assignment.personId;
  return manager;
}

const sameProfile = (a: UnitProfile, b: UnitProfile): boolean =>
  a.name === b.name &&
  sameList(a.productGroups, b.productGroups) &&
  sameList(a.segments, b.segments) &&
  sameList(a.territories, b.territories);

function checkProfile(profile: UnitProfile): void {
  requireListedOnce('productGroups', profile.productGroups);
  requireListedOnce('segments', profile.segments);
  requireListedOnce('territories', profile.territories);
}

/** The unit, if it exists in the caller's division; another division's unit is reported as not found. */
function existing(state: UnitState, command: UnitCommand): Unit {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new OrganisationError(OrganisationErrorCode.UnitNotFound, 'No unit with this id in your division');
  }
  return state;
}

function refuseClosed(unit: Unit, action: string): void {
  if (unit.status === 'closed') {
    throw new OrganisationError(
      OrganisationErrorCode.UnitClosed,
      `Unit ${unit.unitId} is closed from ${unit.closedOn ?? 'a day recorded'}: it can no longer be ${action}`,
    );
  }
}

/**
 * The division is the root of its tree: a department sits right under it, a team under a department or right under
 * it. The parent must be open on the day the unit opens, and have no closing recorded.
 */
function checkPlace(command: OpenUnit): void {
  const { kind, parent, effectiveOn } = command.data;
  if (parent === undefined) return;
  if (kind === 'department') {
    throw new OrganisationError(
      OrganisationErrorCode.ParentNotAllowed,
      'A department sits right under the division: leave parentUnitId out',
      { field: 'parentUnitId' },
    );
  }
  if (parent.kind === 'team') {
    throw new OrganisationError(
      OrganisationErrorCode.ParentNotAllowed,
      `Unit ${parent.unitId} is a team: a team sits under a department or right under the division`,
      { field: 'parentUnitId' },
    );
  }
  if (parent.closedOn !== undefined) {
    throw new OrganisationError(
      OrganisationErrorCode.UnitClosed,
      `Unit ${parent.unitId} closes from ${parent.closedOn}: no unit opens under it`,
      { field: 'parentUnitId' },
    );
  }
  if (effectiveOn < parent.openedOn) {
    throw invalidInput('effectiveOn', `is before unit ${parent.unitId} opens (${parent.openedOn})`);
  }
}

function openUnit(command: OpenUnit, state: UnitState): UnitEvent[] {
  if (state.status !== 'none') {
    throw new OrganisationError(OrganisationErrorCode.AlreadyExists, `Unit ${state.unitId} exists already`);
  }
  const { parent, ...data } = command.data;
  checkProfile(data);
  checkPlace(command);
  return [
    {
      type: 'UnitOpened',
      data: {
        unitId: data.unitId,
        divisionId: data.divisionId,
        kind: data.kind,
        ...(parent === undefined ? {} : { parentUnitId: parent.unitId }),
        name: data.name,
        productGroups: data.productGroups,
        segments: data.segments,
        territories: data.territories,
        effectiveOn: data.effectiveOn,
        openedAt: command.metadata.now,
      },
    },
  ];
}

/**
 * A unit of a division's sales organisation: opened under the division or a department, renamed and cut anew, given
 * managers from a day on, and closed once nobody belongs to it any more and no unit below it stays open.
 */
export const unitDecider: Decider<UnitState, UnitCommand, UnitEvent> = {
  events: unitEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'OpenUnit') return openUnit(command, state);
    const unit = existing(state, command);
    const ids = { unitId: unit.unitId, divisionId: unit.divisionId };
    const now = command.metadata.now;
    switch (command.type) {
      case 'ReviseUnit': {
        refuseClosed(unit, 'renamed or cut anew');
        checkProfile(command.data);
        if (sameProfile(unit, command.data)) return [];
        const { name, productGroups, segments, territories } = command.data;
        return [{ type: 'UnitRevised', data: { ...ids, name, productGroups, segments, territories, revisedAt: now } }];
      }
      case 'AssignUnitManager': {
        refuseClosed(unit, 'given a manager');
        const { personId, effectiveOn } = command.data;
        if (effectiveOn < unit.openedOn) {
          throw invalidInput('effectiveOn', `is before unit ${unit.unitId} opens (${unit.openedOn})`);
        }
        // An assignment changes the days up to the next one, which all have the manager in force on its first day.
        if (managerOn(unit, effectiveOn) === personId) return [];
        return [{ type: 'UnitManagerAssigned', data: { ...ids, personId, effectiveOn, assignedAt: now } }];
      }
      case 'CloseUnit': {
        if (unit.status === 'closed') return [];
        const { reason, effectiveOn, memberCount, openUnitIds } = command.data;
        if (effectiveOn <= unit.openedOn) {
          throw invalidInput('effectiveOn', `must be after unit ${unit.unitId} opens (${unit.openedOn})`);
        }
        if (memberCount > 0) {
          throw new OrganisationError(
            OrganisationErrorCode.UnitHasMembers,
            `Unit ${unit.unitId} has ${memberCount} member(s) on ${effectiveOn} or later: move them first`,
            { memberCount },
          );
        }
        if (openUnitIds.length > 0) {
          throw new OrganisationError(
            OrganisationErrorCode.UnitHasOpenUnits,
            `Units below ${unit.unitId} stay open on ${effectiveOn} or later: ${openUnitIds.join(', ')}`,
            { openUnitIds },
          );
        }
        return [{ type: 'UnitClosed', data: { ...ids, reason, effectiveOn, closedAt: now } }];
      }
    }
  },

  evolve(state, event): UnitState {
    if (event.type === 'UnitOpened') {
      const { effectiveOn, openedAt: _openedAt, ...opened } = event.data;
      return { ...opened, status: 'open', openedOn: effectiveOn, managers: [] };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'UnitRevised': {
        const { name, productGroups, segments, territories } = event.data;
        return { ...state, name, productGroups, segments, territories };
      }
      case 'UnitManagerAssigned': {
        const { personId, effectiveOn } = event.data;
        const others = state.managers.filter((assignment) => assignment.effectiveOn !== effectiveOn);
        const managers = [...others, { personId, effectiveOn }].sort((a, b) =>
          a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0,
        );
        return { ...state, managers };
      }
      case 'UnitClosed':
        return { ...state, status: 'closed', closedOn: event.data.effectiveOn, closingReason: event.data.reason };
    }
  },
};
