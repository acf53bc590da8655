import { codedProblems } from '@salesos/http';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';

/** The one mapping of training errors to HTTP; a refusal about a request field names it. */
export const trainingProblems = codedProblems(TrainingError, {
  [TrainingErrorCode.CourseNotFound]: { title: 'Course not found', status: 404 },
  [TrainingErrorCode.ProgrammeNotFound]: { title: 'Programme not found', status: 404 },
  [TrainingErrorCode.RecordNotFound]: { title: 'Training record not found', status: 404 },
  [TrainingErrorCode.PersonNotFound]: { title: 'Person not found', status: 404 },
  [TrainingErrorCode.PersonNotPlaced]: { title: 'The person holds no position that day', status: 404 },
  [TrainingErrorCode.UnitNotFound]: { title: 'Unit not found', status: 404 },
  [TrainingErrorCode.CertificationNotFound]: { title: 'Certification not found', status: 404 },
  [TrainingErrorCode.AlreadyExists]: { title: 'The id is taken', status: 409 },
  [TrainingErrorCode.Retired]: { title: 'Retired from the catalogue', status: 409 },
  [TrainingErrorCode.NotEnrolled]: { title: 'Not enrolled', status: 409 },
  [TrainingErrorCode.EnrolmentCompleted]: { title: 'The enrolment is completed', status: 409 },
  [TrainingErrorCode.CertificationNotDue]: { title: 'The certification is not due to expire', status: 409 },
  [TrainingErrorCode.CertificationAlreadyExpired]: { title: 'The certification expired already', status: 409 },
  [TrainingErrorCode.CertificationRenewed]: { title: 'The certification was renewed', status: 409 },
  [TrainingErrorCode.InvalidInput]: { title: 'A field of the request is not valid here', status: 400 },
});
