import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { CourseStreams } from './course-streams';

/** Takes a course out of the catalogue: no one is enrolled in it from now on; what it certified runs its time. */
@Injectable()
export class RetireCourseHandler {
  constructor(@Inject(CourseStreams) private readonly courses: CourseStreams) {}

  execute(courseId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.courses.run(courseId, caller, expectedVersion, { type: 'RetireCourse', data: { reason } });
  }
}
