/** What a person command broke; the API maps each code to one HTTP status (noted beside it). */
export enum PersonErrorCode {
  /** 404: no person on this stream, or one of another division. */
  NotFound = 'PERSON_NOT_FOUND',
  /** 409: a hire for a person id that already exists. */
  AlreadyExists = 'PERSON_ALREADY_EXISTS',
  /** 409: the command makes no sense in the person's state (departed, on leave or not), which the message names. */
  InvalidTransition = 'PERSON_INVALID_TRANSITION',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'PERSON_INVALID_INPUT',
  /** 413: an import file larger, or with more rows, than an import takes. */
  ImportTooLarge = 'PERSON_IMPORT_TOO_LARGE',
}

export class PersonError extends Error {
  /** The request field at fault, for a 400 naming it. */
  readonly field?: string;
  /** The person's state when the command was refused: `employed`, `on-leave` or `departed`. */
  readonly status?: string;

  constructor(
    readonly code: PersonErrorCode,
    message: string,
    details: { field?: string; status?: string } = {},
  ) {
    super(message);
    this.name = 'PersonError';
    if (details.field !== undefined) this.field = details.field;
    if (details.status !== undefined) this.status = details.status;
  }
}

/** A refusal of one request field. */
export const invalidPersonInput = (field: string, message: string): PersonError =>
  new PersonError(PersonErrorCode.InvalidInput, message, { field });
