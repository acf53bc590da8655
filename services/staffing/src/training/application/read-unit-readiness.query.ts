import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { CalendarDay } from '@salesos/kernel';
import { PositionDirectory, UnitDirectory } from '../../organisation';
import { PeopleDirectory } from '../../people';
import { pooledReadiness, type PooledReadiness, readinessScore } from '../domain/readiness';
import type { TrainingState } from '../domain/training.state';
import type { PersonReadiness } from './read-person-readiness.query';
import { TrainingReach, unitNotFound } from './training-reach';
import { TrainingRecords } from './training-records.port';
import { unitsUnder } from './units-under';

/** A unit's readiness on a day, over its people and those of the units below it, with each person's. */
export interface UnitReadiness extends PooledReadiness {
  unitId: string;
  asOf: CalendarDay;
  people: PersonReadiness[];
}

/**
 * How ready a unit is on a day: the share of the certifications its members' positions require that they hold, over
 * the people of the unit and of every unit below it that day. For the division's wide roles, and for the lead of the
 * unit (or of one above it) today.
 */
@Injectable()
export class ReadUnitReadinessQuery {
  constructor(
    @Inject(TrainingReach) private readonly reach: TrainingReach,
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
    @Inject(PositionDirectory) private readonly positions: PositionDirectory,
    @Inject(TrainingRecords) private readonly records: TrainingRecords,
  ) {}

  /** On `day`, or today (in UTC) without it. */
  async execute(unitId: string, caller: RequestContext, day?: CalendarDay): Promise<UnitReadiness> {
    const { divisionId } = caller;
    const reached = await this.reach.unitsReached(caller);
    if (reached !== 'division' && !reached.includes(unitId)) throw unitNotFound(unitId);
    const all = await this.units.unitsOf(divisionId);
    if (!all.some((unit) => unit.unitId === unitId)) throw unitNotFound(unitId);
    const asOf = day ?? this.reach.today();
    const members = await this.people.membersOf(divisionId, unitsUnder(all, unitId), asOf);
    const required = new Map<string, readonly string[]>();
    for (const positionId of new Set(members.map((member) => member.positionId))) {
      required.set(positionId, (await this.positions.position(divisionId, positionId))?.requiredCertifications ?? []);
    }
    const records = new Map<string, TrainingState>(
      (
        await this.records.recordsOf(
          divisionId,
          members.map((member) => member.personId),
        )
      ).map((record) => [record.personId, record]),
    );
    const people = members.map(({ personId, unitId: memberUnitId, positionId }) => ({
      personId,
      asOf,
      unitId: memberUnitId,
      positionId,
      ...readinessScore(required.get(positionId) ?? [], records.get(personId) ?? { status: 'none' }, asOf),
    }));
    return { unitId, asOf, ...pooledReadiness(people), people };
  }
}
