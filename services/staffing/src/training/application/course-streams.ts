import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import type { CourseCommand } from '../domain/course.commands';
import { type Course, courseDecider, type CourseState } from '../domain/course.decider';
import type { CourseEvent } from '../domain/course.events';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';

export const courseNotFound = (courseId: string, field?: string) =>
  new TrainingError(TrainingErrorCode.CourseNotFound, `No course ${courseId} in your division`, field);

/** Each course is one stream, `course-<courseId>`, of one division; the division's managers act on it. */
@Injectable()
export class CourseStreams extends CallerCommands<CourseState, CourseCommand, CourseEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(STAFFING_VIEWS) views: Pick<ServiceViews, 'caughtUpWith'>,
  ) {
    super(store, courseDecider, {
      category: 'course',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: courseNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /**
   * The division's course as its stream has it, retired or not: what assessments are judged by. `field` names the
   * request's reference to it in the refusal.
   */
  async requireCourse(divisionId: string, courseId: string, field = 'courseId'): Promise<Course> {
    const { state } = await this.load(courseId);
    if (state.status === 'none' || state.divisionId !== divisionId) throw courseNotFound(courseId, field);
    return state;
  }

  /** The division's course while it is offered: programmes and enrolments name no retired course. */
  async requireActiveCourse(divisionId: string, courseId: string, field = 'courseId'): Promise<Course> {
    const course = await this.requireCourse(divisionId, courseId, field);
    if (course.status === 'retired') {
      throw new TrainingError(TrainingErrorCode.Retired, `Course ${courseId} is retired`, field);
    }
    return course;
  }

  /** Refuses a list of courses unless each is one the division offers, naming the place of the first that is not. */
  async requireActiveCourses(divisionId: string, courseIds: readonly string[], field = 'courseIds'): Promise<Course[]> {
    const courses: Course[] = [];
    for (const [at, courseId] of courseIds.entries()) {
      courses.push(await this.requireActiveCourse(divisionId, courseId, `${field}[${at}]`));
    }
    return courses;
  }
}
