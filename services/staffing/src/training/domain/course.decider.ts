import type { Decider } from '@salesos/event-sourcing';
import type { CourseCommand } from './course.commands';
import { checkedCourseDefinition, sameCourseDefinition } from './course-definition';
import { type CourseDefinition, type CourseEvent, courseEvents } from './course.events';
import { TrainingError, TrainingErrorCode } from './training.errors';

export type CourseStatus = 'active' | 'retired';

export type Course = CourseDefinition & {
  status: CourseStatus;
  courseId: string;
  divisionId: string;
  retirementReason?: string;
};

export type CourseState = { status: 'none' } | Course;

/** The course, if it exists in the caller's division; another division's course is reported as not found. */
function existing(state: CourseState, divisionId: string | undefined): Course {
  if (state.status === 'none' || (divisionId !== undefined && divisionId !== state.divisionId)) {
    throw new TrainingError(TrainingErrorCode.CourseNotFound, 'No course with this id in your division');
  }
  return state;
}

/** A course of a division's catalogue: what it teaches, the mark that passes it, how long its certification lasts. */
export const courseDecider: Decider<CourseState, CourseCommand, CourseEvent> = {
  events: courseEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): CourseEvent[] {
    const now = command.metadata.now;
    if (command.type === 'DefineCourse') {
      const { courseId, divisionId, ...definition } = command.data;
      // Another division's course is not named: the id is only said to be taken.
      if (state.status !== 'none') {
        throw new TrainingError(TrainingErrorCode.AlreadyExists, `Course id ${courseId} is taken; choose another`);
      }
      return [
        {
          type: 'CourseDefined',
          data: { courseId, divisionId, ...checkedCourseDefinition(definition), definedAt: now },
        },
      ];
    }
    const course = existing(state, command.metadata.divisionId);
    const ids = { courseId: course.courseId, divisionId: course.divisionId };
    switch (command.type) {
      case 'ReviseCourse': {
        if (course.status === 'retired') {
          throw new TrainingError(TrainingErrorCode.Retired, `Course ${course.courseId} is retired; define a new one`);
        }
        const definition = checkedCourseDefinition(command.data);
        if (sameCourseDefinition(course, definition)) return [];
        return [{ type: 'CourseRevised', data: { ...ids, ...definition, revisedAt: now } }];
      }
      case 'RetireCourse':
        if (course.status === 'retired') return [];
        return [{ type: 'CourseRetired', data: { ...ids, reason: command.data.reason, retiredAt: now } }];
    }
  },

  evolve(state, event): CourseState {
    if (event.type === 'CourseDefined') {
      const { definedAt: _definedAt, ...course } = event.data;
      return { status: 'active', ...course };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'CourseRevised': {
        const { revisedAt: _revisedAt, courseId: _courseId, divisionId: _divisionId, ...definition } = event.data;
        // A validity the revision leaves out is gone: the course's passes certify for good from now on.
        const { certificationValidityMonths: _validity, ...kept } = state;
        return { ...kept, ...definition };
      }
      case 'CourseRetired':
        return { ...state, status: 'retired', retirementReason: event.data.reason };
    }
  },
};
