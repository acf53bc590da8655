import type { Course } from '../domain/course.decider';

/** A course as the service's view has it, with the version of its stream. */
export type CourseRecord = Course & { version: number };

/** The courses of each division's training catalogue. */
export abstract class CourseCatalogue {
  abstract course(divisionId: string, courseId: string): Promise<CourseRecord | undefined>;

  /** The division's courses by title, then id; only those of one status when it is given. */
  abstract coursesOf(divisionId: string, status?: Course['status']): Promise<CourseRecord[]>;
}
