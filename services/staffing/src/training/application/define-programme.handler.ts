import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ProgrammeDefinition } from '../domain/programme.events';
import { CourseStreams } from './course-streams';
import { ProgrammeStreams } from './programme-streams';

/** Adds a programme to the caller's division's catalogue, made of courses the division offers. */
@Injectable()
export class DefineProgrammeHandler {
  constructor(
    @Inject(ProgrammeStreams) private readonly programmes: ProgrammeStreams,
    @Inject(CourseStreams) private readonly courses: CourseStreams,
  ) {}

  async execute(
    programmeId: string,
    definition: ProgrammeDefinition,
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    await this.courses.requireActiveCourses(caller.divisionId, definition.courseIds);
    return this.programmes.run(programmeId, caller, expectedVersion, {
      type: 'DefineProgramme',
      data: { programmeId, divisionId: caller.divisionId, ...definition },
    });
  }
}
