/** What a scorecard command broke; the API maps each code to one HTTP status (noted beside it). */
export enum ScorecardErrorCode {
  /** 404: no scorecard here, no scores of the person on it, or one of another division. */
  NotFound = 'SCORECARD_NOT_FOUND',
  /** 409: a scorecard defined under an id that already names one. */
  AlreadyExists = 'SCORECARD_ALREADY_EXISTS',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'SCORECARD_INVALID_INPUT',
  /** 409: the scorecard is retired, which the message says: nothing new is scored on it. */
  InvalidTransition = 'SCORECARD_INVALID_TRANSITION',
  /** 409: the period is scored already: a change is a revision, with its reason. */
  PeriodAlreadyScored = 'SCORECARD_PERIOD_ALREADY_SCORED',
  /** 409: a revision of a period that was never scored. */
  PeriodNotScored = 'SCORECARD_PERIOD_NOT_SCORED',
}

/** A scorecard or score that does not exist, input it cannot take, or a change its state refuses. */
export class ScorecardError extends Error {
  /** The request field at fault, for a 400 or 409 naming it. */
  readonly field?: string;
  /** The scorecard's state when the command was refused. */
  readonly status?: string;

  constructor(
    readonly code: ScorecardErrorCode,
    message: string,
    details: { field?: string; status?: string } = {},
  ) {
    super(message);
    this.name = 'ScorecardError';
    if (details.field !== undefined) this.field = details.field;
    if (details.status !== undefined) this.status = details.status;
  }
}

/** A refusal of a request field. */
export const invalidScorecardInput = (field: string, message: string): ScorecardError =>
  new ScorecardError(ScorecardErrorCode.InvalidInput, message, { field });
