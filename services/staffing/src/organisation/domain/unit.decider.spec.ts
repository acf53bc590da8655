import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { AssignUnitManager, CloseUnit, OpenUnit, ParentUnit, ReviseUnit } from './unit.commands';
import { isOpenOn, managerOn, type Unit, unitDecider } from './unit.decider';
import { OrganisationError, OrganisationErrorCode } from './organisation.errors';
import type { UnitEvent, UnitProfile } from './unit.events';

const now = '2026-01-10T09:00:00.000Z';
const later = '2026-05-04T14:00:00.000Z';
const metadata = (at = now, divisionId = 'north') => ({ commandId: 'c', now: at, divisionId });
const profile: UnitProfile = {
  name: 'Presses South',
  productGroups: ['presses'],
  segments: ['mid-market'],
  territories: ['south', 'south-west'],
};
const department: ParentUnit = { unitId: 'sales-south', kind: 'department', openedOn: '2025-01-01' };

const open = (changes: Partial<OpenUnit['data']> = {}): OpenUnit => ({
  type: 'OpenUnit',
  data: {
    unitId: 'presses-south',
    divisionId: 'north',
    kind: 'team',
    parent: department,
    ...profile,
    effectiveOn: '2026-02-01',
    ...changes,
  },
  metadata: metadata(),
});
type UnitOpened = Extract<UnitEvent, { type: 'UnitOpened' }>;
const opened = (changes: Partial<UnitOpened['data']> = {}): UnitOpened => ({
  type: 'UnitOpened',
  data: {
    unitId: 'presses-south',
    divisionId: 'north',
    kind: 'team',
    parentUnitId: 'sales-south',
    ...profile,
    effectiveOn: '2026-02-01',
    openedAt: now,
    ...changes,
  },
});
const revise = (changes: Partial<UnitProfile> = {}, divisionId = 'north'): ReviseUnit => ({
  type: 'ReviseUnit',
  data: { ...profile, ...changes },
  metadata: metadata(later, divisionId),
});
const revised = (changes: Partial<UnitProfile> = {}): UnitEvent => ({
  type: 'UnitRevised',
  data: { unitId: 'presses-south', divisionId: 'north', ...profile, ...changes, revisedAt: later },
});
const assign = (personId: string, effectiveOn: string): AssignUnitManager => ({
  type: 'AssignUnitManager',
  data: { personId, effectiveOn },
  metadata: metadata(later),
});
const assigned = (personId: string, effectiveOn: string): UnitEvent => ({
  type: 'UnitManagerAssigned',
  data: { unitId: 'presses-south', divisionId: 'north', personId, effectiveOn, assignedAt: later },
});
const close = (changes: Partial<CloseUnit['data']> = {}): CloseUnit => ({
  type: 'CloseUnit',
  data: { reason: 'Merged into Presses North', effectiveOn: '2026-10-01', memberCount: 0, openUnitIds: [], ...changes },
  metadata: metadata(later),
});
const closed: UnitEvent = {
  type: 'UnitClosed',
  data: {
    unitId: 'presses-south',
    divisionId: 'north',
    reason: 'Merged into Presses North',
    effectiveOn: '2026-10-01',
    closedAt: later,
  },
};

const spec = DeciderSpecification.for(unitDecider);
const refusedWith = (code: OrganisationErrorCode, field?: string) => (error: Error) =>
  (error as OrganisationError).code === code && (error as OrganisationError).field === field;
const stateAfter = (events: UnitEvent[]) => events.reduce(unitDecider.evolve, unitDecider.initialState()) as Unit;

describe('a unit of the sales organisation', () => {
  describe('opening', () => {
    it('opens a team under a department, from a day, cut by product group, segment and territory', () => {
      spec.given([]).when(open()).then([opened()]);
    });

    it('opens a department, and a team, right under the division', () => {
      const { parent: _parent, ...underDivision } = open().data;
      const { parentUnitId: _parentUnitId, ...openedUnderDivision } = opened().data;
      for (const kind of ['department', 'team'] as const) {
        spec
          .given([])
          .when({ ...open(), data: { ...underDivision, kind } })
          .then([{ type: 'UnitOpened', data: { ...openedUnderDivision, kind } }]);
      }
    });

    it('refuses an id that is taken', () => {
      spec
        .given([opened()])
        .when(open())
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.AlreadyExists));
    });

    it.each([
      ['a product group listed twice', { productGroups: ['presses', 'presses'] }, 'productGroups[1]'],
      ['a segment listed twice', { segments: ['smb', 'mid-market', 'smb'] }, 'segments[2]'],
      ['a territory listed twice', { territories: ['south', 'south'] }, 'territories[1]'],
    ])('refuses %s, naming the field', (_label, changes, field) => {
      spec
        .given([])
        .when(open(changes))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, field));
    });

    it('refuses a department under another unit: it sits right under the division', () => {
      spec
        .given([])
        .when(open({ kind: 'department' }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.ParentNotAllowed, 'parentUnitId'));
    });

    it('refuses a team under a team', () => {
      spec
        .given([])
        .when(open({ parent: { ...department, unitId: 'team-a', kind: 'team' } }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.ParentNotAllowed, 'parentUnitId'));
    });

    it('refuses a parent whose closing is recorded, even one still to come', () => {
      spec
        .given([])
        .when(open({ parent: { ...department, closedOn: '2026-12-31' } }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitClosed, 'parentUnitId'));
    });

    it('refuses a unit opening before its parent does', () => {
      spec
        .given([])
        .when(open({ parent: { ...department, openedOn: '2026-03-01' } }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, 'effectiveOn'));
    });
  });

  describe('renaming and cutting anew', () => {
    it('replaces the name and the cuts as a whole', () => {
      const changes = { name: 'Presses South & East', territories: ['south', 'east'] };
      spec
        .given([opened()])
        .when(revise(changes))
        .then([revised(changes)]);
    });

    it('changes nothing when the unit is revised as it is', () => {
      spec.given([opened()]).when(revise()).thenNothingHappens();
    });

    it('refuses a unit it does not have, or one of another division, as not found', () => {
      spec.given([]).when(revise()).thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitNotFound));
      spec
        .given([opened()])
        .when(revise({}, 'south'))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitNotFound));
    });

    it('refuses a closed unit', () => {
      spec
        .given([opened(), closed])
        .when(revise({ name: 'Renamed' }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitClosed));
    });

    it('refuses a cut listing a value twice, naming the field', () => {
      spec
        .given([opened()])
        .when(revise({ segments: ['smb', 'smb'] }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, 'segments[1]'));
    });
  });

  describe('managers, each from a day on', () => {
    it('assigns a manager from a day, and a later one from a day still to come', () => {
      spec
        .given([opened()])
        .when(assign('person-1', '2026-02-01'))
        .then([assigned('person-1', '2026-02-01')]);
      spec
        .given([opened(), assigned('person-1', '2026-02-01')])
        .when(assign('person-2', '2027-01-01'))
        .then([assigned('person-2', '2027-01-01')]);
    });

    it('answers who manages the unit on any day, an assignment of the same day replacing the earlier one', () => {
      const unit = stateAfter([
        opened(),
        assigned('person-2', '2027-01-01'),
        assigned('person-1', '2026-02-01'),
        assigned('person-3', '2027-01-01'),
      ]);
      expect(unit.managers).toEqual([
        { personId: 'person-1', effectiveOn: '2026-02-01' },
        { personId: 'person-3', effectiveOn: '2027-01-01' },
      ]);
      expect(managerOn(unit, '2026-01-31')).toBeUndefined();
      expect(managerOn(unit, '2026-02-01')).toBe('person-1');
      expect(managerOn(unit, '2026-12-31')).toBe('person-1');
      expect(managerOn(unit, '2027-01-01')).toBe('person-3');
    });

    it('changes nothing when the person already manages the unit on that day', () => {
      spec
        .given([opened(), assigned('person-1', '2026-02-01')])
        .when(assign('person-1', '2026-06-01'))
        .thenNothingHappens();
    });

    it('refuses an assignment before the unit opens, naming the field', () => {
      spec
        .given([opened()])
        .when(assign('person-1', '2026-01-31'))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, 'effectiveOn'));
    });

    it('refuses a manager for a closed unit, and for a unit it does not have', () => {
      spec
        .given([opened(), closed])
        .when(assign('person-1', '2026-03-01'))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitClosed));
      spec
        .given([])
        .when(assign('person-1', '2026-03-01'))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitNotFound));
    });
  });

  describe('closing', () => {
    it('closes a unit nobody belongs to from a day on, once', () => {
      spec.given([opened()]).when(close()).then([closed]);
      spec.given([opened(), closed]).when(close()).thenNothingHappens();
    });

    it('is open from its opening day until the day before it closes', () => {
      const unit = stateAfter([opened(), closed]);
      expect(['2026-01-31', '2026-02-01', '2026-09-30', '2026-10-01'].map((day) => isOpenOn(unit, day))).toEqual([
        false,
        true,
        true,
        false,
      ]);
    });

    it('refuses while it has members on the closing day or later, saying how many', () => {
      spec
        .given([opened()])
        .when(close({ memberCount: 3 }))
        .thenThrows(OrganisationError, { code: OrganisationErrorCode.UnitHasMembers, memberCount: 3 });
    });

    it('refuses while units below it stay open, naming them', () => {
      spec
        .given([opened()])
        .when(close({ openUnitIds: ['presses-south-a', 'presses-south-b'] }))
        .thenThrows(OrganisationError, {
          code: OrganisationErrorCode.UnitHasOpenUnits,
          openUnitIds: ['presses-south-a', 'presses-south-b'],
        });
    });

    it('refuses a closing on or before the opening day, naming the field', () => {
      spec
        .given([opened()])
        .when(close({ effectiveOn: '2026-02-01' }))
        .thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.InvalidInput, 'effectiveOn'));
    });

    it('refuses a unit it does not have', () => {
      spec.given([]).when(close()).thenThrows(OrganisationError, refusedWith(OrganisationErrorCode.UnitNotFound));
    });
  });
});
