import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { UnitProfile } from '../domain/unit.events';
import { UnitStreams } from './unit-streams';

/** Renames a unit or cuts it anew: its name and cuts replaced as a whole. */
@Injectable()
export class ReviseUnitHandler {
  constructor(@Inject(UnitStreams) private readonly units: UnitStreams) {}

  execute(unitId: string, profile: UnitProfile, caller: RequestContext, expectedVersion?: number) {
    return this.units.run(unitId, caller, expectedVersion, { type: 'ReviseUnit', data: profile });
  }
}
