import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ProgrammeDefinition } from '../domain/programme.events';
import { CourseStreams } from './course-streams';
import { ProgrammeStreams } from './programme-streams';

/**
 * Replaces a programme's title and courses. People enrolled before keep the enrolments they have; the new courses
 * apply to enrolments from now on.
 */
@Injectable()
export class ReviseProgrammeHandler {
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
    // An unknown or retired programme is said so before its new courses are looked at.
    await this.programmes.requireActiveProgramme(caller.divisionId, programmeId, 'programmeId');
    await this.courses.requireActiveCourses(caller.divisionId, definition.courseIds);
    return this.programmes.run(programmeId, caller, expectedVersion, { type: 'ReviseProgramme', data: definition });
  }
}
