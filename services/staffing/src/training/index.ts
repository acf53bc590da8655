/** Training: what other features and the service's composition may use of it. */
export { TrainingModule } from './training.module';
export { DefineCourseHandler } from './application/define-course.handler';
export { DefineProgrammeHandler } from './application/define-programme.handler';
export { type EnrolmentRequest, EnrolPersonHandler } from './application/enrol-person.handler';
export { type AssessmentRequest, RecordAssessmentHandler } from './application/record-assessment.handler';
export { CertificationExpiries } from './application/certification-expiries';
export type { CourseDefinition, CourseEvent } from './domain/course.events';
export { courseDecider, type CourseState } from './domain/course.decider';
export type { CourseCommand } from './domain/course.commands';
export { trainingDecider } from './domain/training.decider';
export type { TrainingCommand } from './domain/training.commands';
export { TrainingError, TrainingErrorCode } from './domain/training.errors';
export { trainingProblems } from './api/training.problems';
export { CreateTrainingTables1767000000300 as TrainingTables } from './projections/training-tables.migration';
export { mapTrainingEvent } from './messaging/training-integration.mapper';
