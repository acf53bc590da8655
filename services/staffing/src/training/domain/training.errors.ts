/** What a training command broke; the API maps each code to one HTTP status (noted beside it). */
export enum TrainingErrorCode {
  /** 404: no course with this id in the caller's division. */
  CourseNotFound = 'TRAINING_COURSE_NOT_FOUND',
  /** 404: no programme with this id in the caller's division. */
  ProgrammeNotFound = 'TRAINING_PROGRAMME_NOT_FOUND',
  /** 404: the person has no training record in the caller's division. */
  RecordNotFound = 'TRAINING_RECORD_NOT_FOUND',
  /** 404: no person with this id in the caller's division and reach. */
  PersonNotFound = 'TRAINING_PERSON_NOT_FOUND',
  /** 404: the person holds no position on the day asked for (not hired yet, or departed), so has no readiness. */
  PersonNotPlaced = 'TRAINING_PERSON_NOT_PLACED',
  /** 404: no unit with this id in the caller's division and reach. */
  UnitNotFound = 'TRAINING_UNIT_NOT_FOUND',
  /** 404: the person never held the certification the command names. */
  CertificationNotFound = 'TRAINING_CERTIFICATION_NOT_FOUND',
  /** 409: a course, programme or assessment id that is taken already. */
  AlreadyExists = 'TRAINING_ALREADY_EXISTS',
  /** 409: the course or programme is retired: it is neither revised nor enrolled in any more. */
  Retired = 'TRAINING_RETIRED',
  /** 409: a withdrawal from a course or programme the person is not enrolled in. */
  NotEnrolled = 'TRAINING_NOT_ENROLLED',
  /** 409: a withdrawal from an enrolment the person already completed by passing. */
  EnrolmentCompleted = 'TRAINING_ENROLMENT_COMPLETED',
  /** 409: an expiry asked for before the certification's expiry date. */
  CertificationNotDue = 'TRAINING_CERTIFICATION_NOT_DUE',
  /** 409: an expiry of a certification that is expired already. */
  CertificationAlreadyExpired = 'TRAINING_CERTIFICATION_ALREADY_EXPIRED',
  /** 409: an expiry of a certification a later pass renewed. */
  CertificationRenewed = 'TRAINING_CERTIFICATION_RENEWED',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'TRAINING_INVALID_INPUT',
}

/** A course, programme or training record that does not exist, input it cannot take, or a change its state refuses. */
export class TrainingError extends Error {
  constructor(
    readonly code: TrainingErrorCode,
    message: string,
    /** The request field at fault: always for InvalidInput, and for a reference that names nothing. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'TrainingError';
  }
}

export function invalidInput(field: string, message: string): TrainingError {
  return new TrainingError(TrainingErrorCode.InvalidInput, message, field);
}

/** Refuses a list that names a value twice, naming the place of the second mention (`skills[2]`). */
export function refuseRepeats(field: string, values: readonly string[]): void {
  const at = values.findIndex((value, index) => values.indexOf(value) !== index);
  if (at !== -1) throw invalidInput(`${field}[${at}]`, `'${values[at]}' is listed a second time`);
}

/** Refuses a text of blanks only, which the length rules of the schemas let through. */
export function refuseBlank(field: string, value: string): void {
  if (value.trim() === '') throw invalidInput(field, `${field} must not be blank`);
}
