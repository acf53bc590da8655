import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Programme } from '../domain/programme.decider';
import { programmeNotFound, ProgrammeStreams } from './programme-streams';

/** One programme as its stream has it; another division's programme reads as not found. */
@Injectable()
export class ReadProgrammeQuery {
  constructor(@Inject(ProgrammeStreams) private readonly programmes: ProgrammeStreams) {}

  async execute(programmeId: string, caller: RequestContext): Promise<{ programme: Programme; version: number }> {
    const { state, version } = await this.programmes.load(programmeId);
    if (state.status === 'none' || state.divisionId !== caller.divisionId) throw programmeNotFound(programmeId);
    return { programme: state, version };
  }
}
