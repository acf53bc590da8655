import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { CourseDefinition } from '../domain/course.events';
import { CourseStreams } from './course-streams';

/** Adds a course to the caller's division's catalogue. */
@Injectable()
export class DefineCourseHandler {
  constructor(@Inject(CourseStreams) private readonly courses: CourseStreams) {}

  execute(courseId: string, definition: CourseDefinition, caller: RequestContext, expectedVersion?: number) {
    return this.courses.run(courseId, caller, expectedVersion, {
      type: 'DefineCourse',
      data: { courseId, divisionId: caller.divisionId, ...definition },
    });
  }
}
