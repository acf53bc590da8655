import type { INestApplicationContext } from '@nestjs/common';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import {
  type CourseCommand,
  courseDecider,
  type CourseEvent,
  type CourseState,
  trainingDecider,
  type TrainingCommand,
} from '../training';
import { staffingViewsCaughtUp } from '../staffing-app';

export interface TestCourse {
  courseId: string;
  divisionId?: string;
  /** 70 by default. */
  passMark?: number;
  /** 12 by default; null: its certifications never expire. */
  validityMonths?: number | null;
}

export interface TestAssessment {
  personId: string;
  courseId: string;
  divisionId?: string;
  /** 90 by default: a pass. */
  score?: number;
  assessedOn: string;
}

const metadata = (id: string, divisionId: string, now: string) => ({
  commandId: `test-training:${id}`,
  now,
  divisionId,
  actor: { userId: 'manager-test', roles: ['division-manager'] },
});

/** The pass mark and validity of a course recorded before. */
async function recordedRules(courses: CommandHandler<CourseState, CourseCommand, CourseEvent>, courseId: string) {
  const { state } = await courses.load(`course-${courseId}`);
  if (state.status === 'none') throw new Error(`record course ${courseId} before assessments of it`);
  return { passMark: state.passMark, validityMonths: state.certificationValidityMonths ?? null };
}

/**
 * Records courses and people's assessments of a test division straight through their deciders, as their own
 * commands would (each assessment judged by its course as recorded, and recorded at noon UTC of its day), and waits
 * until the service's views hold them: for the tests of what reads training.
 */
export async function recordTestTraining(
  app: INestApplicationContext,
  store: EventStore,
  training: { courses?: readonly TestCourse[]; assessments?: readonly TestAssessment[] },
): Promise<void> {
  const courses = new CommandHandler(store, courseDecider);
  const rules = new Map<string, { passMark: number; validityMonths: number | null }>();
  for (const { courseId, divisionId = 'north', passMark = 70, validityMonths = 12 } of training.courses ?? []) {
    const command: CourseCommand = {
      type: 'DefineCourse',
      data: {
        courseId,
        divisionId,
        title: `Course ${courseId}`,
        skills: ['selling'],
        passMark,
        ...(validityMonths === null ? {} : { certificationValidityMonths: validityMonths }),
      },
      metadata: metadata(`course:${courseId}`, divisionId, '2026-01-01T08:00:00.000Z'),
    };
    await courses.handle(`course-${courseId}`, command);
    rules.set(courseId, { passMark, validityMonths });
  }
  const trainings = new CommandHandler(store, trainingDecider);
  for (const [at, assessment] of (training.assessments ?? []).entries()) {
    const { personId, courseId, divisionId = 'north', score = 90, assessedOn } = assessment;
    const course = rules.get(courseId) ?? (await recordedRules(courses, courseId));
    const command: TrainingCommand = {
      type: 'RecordAssessment',
      data: {
        personId,
        divisionId,
        assessmentId: `test-assessment-${at + 1}-${personId}`,
        courseId,
        score,
        assessedBy: 'coach-test',
        assessedOn,
        passMark: course.passMark,
        ...(course.validityMonths === null ? {} : { certificationValidityMonths: course.validityMonths }),
      },
      metadata: metadata(`assessment:${personId}:${at}`, divisionId, `${assessedOn}T12:00:00.000Z`),
    };
    await trainings.handle(`training-${personId}`, command);
  }
  await staffingViewsCaughtUp(app, 10_000);
}
