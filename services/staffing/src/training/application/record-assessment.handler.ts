import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { CourseStreams } from './course-streams';
import { TrainingStreams } from './training-streams';

/** One evaluation of a person in a course, passed or failed. */
export interface AssessmentRequest {
  courseId: string;
  score: number;
  assessedBy: string;
  assessedOn: string;
}

/**
 * Records an assessment, judged by the course's pass mark as the course's stream has it now, and certified for the
 * course's validity; a retired course's assessments are still recorded, since the evaluation took place.
 */
@Injectable()
export class RecordAssessmentHandler {
  constructor(
    @Inject(TrainingStreams) private readonly trainings: TrainingStreams,
    @Inject(CourseStreams) private readonly courses: CourseStreams,
  ) {}

  async execute(personId: string, assessment: AssessmentRequest, caller: RequestContext, expectedVersion?: number) {
    await this.trainings.requirePerson(personId, caller);
    const course = await this.courses.requireCourse(caller.divisionId, assessment.courseId);
    const validity = course.certificationValidityMonths;
    return this.trainings.run(personId, caller, expectedVersion, {
      type: 'RecordAssessment',
      data: {
        personId,
        divisionId: caller.divisionId,
        assessmentId: this.trainings.newId(caller, 'assessment'),
        ...assessment,
        passMark: course.passMark,
        ...(validity === undefined ? {} : { certificationValidityMonths: validity }),
      },
    });
  }
}
