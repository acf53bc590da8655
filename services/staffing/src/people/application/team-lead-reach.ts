import { Inject, Injectable } from '@nestjs/common';
import { type RequestContext, rowScope } from '@salesos/http';
import { isOpenOn, managerOn, type Unit, UnitDirectory } from '../../organisation';
import { PeopleDirectory } from './people-directory.port';

/**
 * The units a person manages on a day: those open then whose manager that day is the person, and every unit open
 * below them (a department's manager leads its teams too).
 */
export function unitsManagedOn(units: readonly Unit[], personId: string, day: string): string[] {
  const open = units.filter((unit) => isOpenOn(unit, day));
  const managed = new Set(open.filter((unit) => managerOn(unit, day) === personId).map((unit) => unit.unitId));
  for (let grew = true; grew;) {
    grew = false;
    for (const unit of open) {
      if (unit.parentUnitId !== undefined && managed.has(unit.parentUnitId) && !managed.has(unit.unitId)) {
        managed.add(unit.unitId);
        grew = true;
      }
    }
  }
  return [...managed].sort();
}

/**
 * A team lead's reach over people comes from the organisation, not from their token: the units whose manager they
 * are on the day (the organisation's manager assignments name the person behind the lead's login). Every other role
 * reaches as its token says.
 */
@Injectable()
export class TeamLeadReach {
  constructor(
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
  ) {}

  async unitsManagedBy(divisionId: string, userId: string, day: string): Promise<string[]> {
    const person = await this.people.personForUser(divisionId, userId);
    if (person === undefined) return [];
    return unitsManagedOn(await this.units.unitsOf(divisionId), person.personId, day);
  }

  /** The caller as reach checks see them on `day`: a team lead with the units they manage then as their teams. */
  async of(caller: RequestContext, day: string): Promise<RequestContext> {
    const { principal } = caller;
    if (principal === undefined || rowScope(principal).kind !== 'team') return caller;
    const teams = await this.unitsManagedBy(caller.divisionId, principal.userId, day);
    return { ...caller, principal: { ...principal, teams } };
  }
}
