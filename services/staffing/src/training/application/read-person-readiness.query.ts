import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { CalendarDay } from '@salesos/kernel';
import { PositionDirectory } from '../../organisation';
import { PeopleDirectory } from '../../people';
import { type Readiness, readinessScore } from '../domain/readiness';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';
import { TrainingReach } from './training-reach';
import { TrainingRecords } from './training-records.port';

/** A person's readiness on a day, for the position they hold that day. */
export interface PersonReadiness extends Readiness {
  personId: string;
  asOf: CalendarDay;
  unitId: string;
  positionId: string;
}

/**
 * How ready a person is on a day: the share of the certifications their position that day requires that they hold
 * valid then. For those who reach the person today.
 */
@Injectable()
export class ReadPersonReadinessQuery {
  constructor(
    @Inject(TrainingReach) private readonly reach: TrainingReach,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
    @Inject(PositionDirectory) private readonly positions: PositionDirectory,
    @Inject(TrainingRecords) private readonly records: TrainingRecords,
  ) {}

  /** On `day`, or today (in UTC) without it. */
  async execute(personId: string, caller: RequestContext, day?: CalendarDay): Promise<PersonReadiness> {
    await this.reach.requirePerson(personId, caller);
    const asOf = day ?? this.reach.today();
    const { divisionId } = caller;
    const placement = await this.people.placementOn(divisionId, personId, asOf);
    if (placement === undefined) {
      throw new TrainingError(
        TrainingErrorCode.PersonNotPlaced,
        `Person ${personId} holds no position on ${asOf}: not hired yet, or departed`,
      );
    }
    const { unitId, positionId } = placement;
    const position = await this.positions.position(divisionId, positionId);
    const record = await this.records.record(divisionId, personId);
    const readiness = readinessScore(position?.requiredCertifications ?? [], record ?? { status: 'none' }, asOf);
    return { personId, asOf, unitId, positionId, ...readiness };
  }
}
