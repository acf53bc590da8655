import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Course } from '../domain/course.decider';
import { courseNotFound, CourseStreams } from './course-streams';

/** One course as its stream has it; another division's course reads as not found. */
@Injectable()
export class ReadCourseQuery {
  constructor(@Inject(CourseStreams) private readonly courses: CourseStreams) {}

  async execute(courseId: string, caller: RequestContext): Promise<{ course: Course; version: number }> {
    const { state, version } = await this.courses.load(courseId);
    if (state.status === 'none' || state.divisionId !== caller.divisionId) throw courseNotFound(courseId);
    return { course: state, version };
  }
}
