import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { CalendarDay } from '@salesos/kernel';
import { addDays } from '../../core/domain/calendar-days';
import { UnitDirectory } from '../../organisation';
import { PeopleDirectory } from '../../people';
import { CertificationCalendar, type ExpiringCertification } from './certification-calendar.port';
import { TrainingReach, unitNotFound } from './training-reach';
import { unitsUnder } from './units-under';

/** The reminders: what expires from tomorrow up to `until`, and whose. */
export interface ExpiringCertifications {
  asOf: CalendarDay;
  until: CalendarDay;
  unitId?: string;
  items: ExpiringCertification[];
}

/**
 * The certifications still valid today that expire within the next days (the last one included), soonest first: the
 * whole division's for its division-wide roles, or one unit's people (with the units below it); a team lead's units'
 * people, or one of those units'.
 */
@Injectable()
export class ListExpiringCertificationsQuery {
  constructor(
    @Inject(TrainingReach) private readonly reach: TrainingReach,
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
    @Inject(CertificationCalendar) private readonly calendar: CertificationCalendar,
  ) {}

  async execute(caller: RequestContext, withinDays: number, unitId?: string): Promise<ExpiringCertifications> {
    const { divisionId } = caller;
    const asOf = this.reach.today();
    const until = addDays(asOf, withinDays);
    const reached = await this.reach.unitsReached(caller);
    let unitIds: readonly string[] | undefined;
    if (unitId !== undefined) {
      const all = await this.units.unitsOf(divisionId);
      const known = all.some((unit) => unit.unitId === unitId);
      if (!known || (reached !== 'division' && !reached.includes(unitId))) throw unitNotFound(unitId);
      unitIds = unitsUnder(all, unitId);
    } else if (reached !== 'division') {
      unitIds = reached;
    }
    const personIds =
      unitIds === undefined
        ? undefined
        : [...new Set((await this.people.membersOf(divisionId, unitIds, asOf)).map((member) => member.personId))];
    const items = await this.calendar.expiringBetween(divisionId, asOf, until, personIds);
    return { asOf, until, ...(unitId === undefined ? {} : { unitId }), items };
  }
}
