import type { Unit } from '../../organisation';

/** A unit and every unit below it, at any depth, closed ones included: whose people a unit's figures count. */
export function unitsUnder(units: readonly Pick<Unit, 'unitId' | 'parentUnitId'>[], unitId: string): string[] {
  const under = [unitId];
  for (let at = 0; at < under.length; at += 1) {
    const parent = under[at];
    for (const unit of units) if (unit.parentUnitId === parent && !under.includes(unit.unitId)) under.push(unit.unitId);
  }
  return under;
}
