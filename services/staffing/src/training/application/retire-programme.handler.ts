import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ProgrammeStreams } from './programme-streams';

/** Takes a programme out of the catalogue; enrolments made through it stay as they are. */
@Injectable()
export class RetireProgrammeHandler {
  constructor(@Inject(ProgrammeStreams) private readonly programmes: ProgrammeStreams) {}

  execute(programmeId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.programmes.run(programmeId, caller, expectedVersion, { type: 'RetireProgramme', data: { reason } });
  }
}
