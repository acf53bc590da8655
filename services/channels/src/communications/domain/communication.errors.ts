/** What a communication-log command broke; the API maps each code to one HTTP status (noted beside it). */
export enum CommunicationErrorCode {
  /** 404: no contact on this stream, or one of another division. */
  NotFound = 'COMMUNICATION_NOT_FOUND',
  /** 409: a contact id that is logged already. */
  AlreadyExists = 'COMMUNICATION_ALREADY_EXISTS',
  /** 409: completing the follow-up of a contact that agreed none. */
  NoFollowUp = 'COMMUNICATION_NO_FOLLOW_UP',
  /** 409: completing again, differently, a follow-up that is completed. */
  FollowUpCompleted = 'COMMUNICATION_FOLLOW_UP_COMPLETED',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'COMMUNICATION_INVALID_INPUT',
}

export class CommunicationError extends Error {
  constructor(
    readonly code: CommunicationErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CommunicationError';
  }
}
