import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Tier } from '../domain/tier-programme.events';
import { TierProgrammeStreams } from './tier-programme-streams';

/** Defines or replaces, as a whole, a tier programme of the caller's division. */
@Injectable()
export class DefineTierProgrammeHandler {
  constructor(@Inject(TierProgrammeStreams) private readonly programmes: TierProgrammeStreams) {}

  execute(
    programmeId: string,
    programme: { name: string; tiers: Tier[] },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.programmes.run(programmeId, caller, expectedVersion, {
      type: 'DefineTierProgramme',
      data: { programmeId, divisionId: caller.divisionId, ...programme },
    });
  }
}
