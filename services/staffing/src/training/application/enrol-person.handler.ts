import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { invalidInput, TrainingError, TrainingErrorCode } from '../domain/training.errors';
import { CourseStreams } from './course-streams';
import { ProgrammeStreams } from './programme-streams';
import { TrainingStreams } from './training-streams';

/** What a person is enrolled in: one course, or a programme (one of the two), from a day on. */
export interface EnrolmentRequest {
  courseId?: string;
  programmeId?: string;
  enrolledOn: string;
}

/**
 * Enrols a person in a course the division offers, or in a programme: then in its courses still offered, in the
 * programme's order. Courses the person is enrolled in already are left as they are.
 */
@Injectable()
export class EnrolPersonHandler {
  constructor(
    @Inject(TrainingStreams) private readonly trainings: TrainingStreams,
    @Inject(CourseStreams) private readonly courses: CourseStreams,
    @Inject(ProgrammeStreams) private readonly programmes: ProgrammeStreams,
  ) {}

  async execute(personId: string, request: EnrolmentRequest, caller: RequestContext, expectedVersion?: number) {
    const { courseId, programmeId, enrolledOn } = request;
    await this.trainings.requirePerson(personId, caller);
    const courseIds = await this.coursesOf(caller.divisionId, courseId, programmeId);
    return this.trainings.run(personId, caller, expectedVersion, {
      type: 'EnrolPerson',
      data: {
        personId,
        divisionId: caller.divisionId,
        courseIds,
        ...(programmeId === undefined ? {} : { programmeId }),
        enrolledOn,
      },
    });
  }

  private async coursesOf(divisionId: string, courseId?: string, programmeId?: string): Promise<string[]> {
    const oneOfTwo = 'Name the course or the programme to enrol in, one of the two';
    if (courseId !== undefined && programmeId !== undefined) throw invalidInput('programmeId', oneOfTwo);
    if (courseId !== undefined) return [(await this.courses.requireActiveCourse(divisionId, courseId)).courseId];
    if (programmeId === undefined) throw invalidInput('courseId', oneOfTwo);
    const programme = await this.programmes.requireActiveProgramme(divisionId, programmeId);
    const offered: string[] = [];
    // A course retired since the programme was defined is no longer taught: the rest of the programme still is.
    for (const id of programme.courseIds) {
      const { state } = await this.courses.load(id);
      if (state.status === 'active' && state.divisionId === divisionId) offered.push(id);
    }
    if (offered.length === 0) {
      throw new TrainingError(
        TrainingErrorCode.Retired,
        `Every course of programme ${programme.programmeId} is retired; revise the programme`,
        'programmeId',
      );
    }
    return offered;
  }
}
