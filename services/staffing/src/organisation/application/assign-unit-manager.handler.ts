import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { UnitStreams } from './unit-streams';

/** Makes a person the unit's manager from a day on, a day still to come included. */
@Injectable()
export class AssignUnitManagerHandler {
  constructor(@Inject(UnitStreams) private readonly units: UnitStreams) {}

  execute(
    unitId: string,
    assignment: { personId: string; effectiveOn: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.units.run(unitId, caller, expectedVersion, { type: 'AssignUnitManager', data: assignment });
  }
}
