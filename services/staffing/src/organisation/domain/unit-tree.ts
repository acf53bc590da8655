import type { UnitKind } from '@salesos/contracts';
import { isOpenOn, managerOn, type Unit } from './unit.decider';

/** A unit as the tree shows it on a day, with the units right below it. */
export interface UnitNode {
  unitId: string;
  kind: UnitKind;
  name: string;
  productGroups: string[];
  segments: string[];
  territories: string[];
  openedOn: string;
  closedOn?: string;
  /** The manager on the day asked about, if any. */
  managerPersonId?: string;
  units: UnitNode[];
}

/** Code-point order, so that every engine and locale lists the same tree the same way. */
const byNameThenId = (a: Unit, b: Unit): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;

/**
 * A division's organisation on a day: its units open that day, each under its parent, every level in name order.
 * The rules keep a unit within its parent's life; should one outlive it all the same, it is shown right under the
 * division rather than lost.
 */
export function unitTree(units: readonly Unit[], day: string): UnitNode[] {
  const open = units.filter((unit) => isOpenOn(unit, day)).sort(byNameThenId);
  const openIds = new Set(open.map((unit) => unit.unitId));
  const below = new Map<string | undefined, Unit[]>();
  for (const unit of open) {
    const parent = unit.parentUnitId !== undefined && openIds.has(unit.parentUnitId) ? unit.parentUnitId : undefined;
    below.set(parent, [...(below.get(parent) ?? []), unit]);
  }
  const node = (unit: Unit): UnitNode => {
    const manager = managerOn(unit, day);
    return {
      unitId: unit.unitId,
      kind: unit.kind,
      name: unit.name,
      productGroups: unit.productGroups,
      segments: unit.segments,
      territories: unit.territories,
      openedOn: unit.openedOn,
      ...(unit.closedOn === undefined ? {} : { closedOn: unit.closedOn }),
      ...(manager === undefined ? {} : { managerPersonId: manager }),
      units: (below.get(unit.unitId) ?? []).map(node),
    };
  };
  return (below.get(undefined) ?? []).map(node);
}
