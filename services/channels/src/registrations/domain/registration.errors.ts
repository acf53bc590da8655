export enum RegistrationErrorCode {
  NotFound = 'REGISTRATION_NOT_FOUND',
  AlreadyExists = 'REGISTRATION_ALREADY_EXISTS',
  /** The command makes no sense in the registration's state; the message names the state. */
  WrongState = 'REGISTRATION_WRONG_STATE',
  /** The leads service answered once; a different answer is not taken. */
  AlreadyAnswered = 'REGISTRATION_ALREADY_ANSWERED',
  /** The deal named is not the one the registration is tied to. */
  OtherOpportunity = 'REGISTRATION_OTHER_OPPORTUNITY',
  /** A lapse before its due date; the message names the date. */
  LapseNotDue = 'REGISTRATION_LAPSE_NOT_DUE',
  InvalidInput = 'REGISTRATION_INVALID_INPUT',
}

/** A registration that does not exist, a command its state refuses, or input that makes no sense. */
export class RegistrationError extends Error {
  constructor(
    readonly code: RegistrationErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RegistrationError';
  }
}
