import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { CourseDefinition } from '../domain/course.events';
import { CourseStreams } from './course-streams';

/** Replaces a course's definition; assessments already recorded keep the pass mark they were judged by. */
@Injectable()
export class ReviseCourseHandler {
  constructor(@Inject(CourseStreams) private readonly courses: CourseStreams) {}

  execute(courseId: string, definition: CourseDefinition, caller: RequestContext, expectedVersion?: number) {
    return this.courses.run(courseId, caller, expectedVersion, { type: 'ReviseCourse', data: definition });
  }
}
