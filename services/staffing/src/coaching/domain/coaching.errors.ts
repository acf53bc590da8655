/** What a coaching command broke; the API maps each code to one HTTP status (noted beside it). */
export enum CoachingErrorCode {
  /** 404: no review, rubric, coaching record or suggestion here, or one of another division. */
  NotFound = 'COACHING_NOT_FOUND',
  /** 409: a review opened under an id that already names one. */
  AlreadyExists = 'COACHING_ALREADY_EXISTS',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'COACHING_INVALID_INPUT',
  /** 409: an id given for something new (an action, a suggestion) already names another; `field` names it. */
  IdInUse = 'COACHING_ID_IN_USE',
  /** 409: the command makes no sense in the state of the review, action or suggestion, which the message names. */
  InvalidTransition = 'COACHING_INVALID_TRANSITION',
  /** 409: a review closed before it was scored. */
  NotScored = 'COACHING_REVIEW_NOT_SCORED',
  /** 409: a review closed while some of its actions are open; they are listed. */
  ActionsOpen = 'COACHING_ACTIONS_OPEN',
  /** 409: a review opened in a division that has no rubric yet. */
  RubricNotSet = 'COACHING_RUBRIC_NOT_SET',
  /** 409: a suggestion naming a deal an earlier suggestion names already; `field` names the deal's place. */
  SuggestionRepeated = 'COACHING_SUGGESTION_REPEATED',
}

/** A review, rubric or coaching record that does not exist, input it cannot take, or a change its state refuses. */
export class CoachingError extends Error {
  /** The request field at fault, for a 400 or 409 naming it. */
  readonly field?: string;
  /** The state of what was refused, when that is why. */
  readonly status?: string;
  /** The actions still open when closing a review was refused. */
  readonly openActionIds?: string[];

  constructor(
    readonly code: CoachingErrorCode,
    message: string,
    details: { field?: string; status?: string; openActionIds?: string[] } = {},
  ) {
    super(message);
    this.name = 'CoachingError';
    if (details.field !== undefined) this.field = details.field;
    if (details.status !== undefined) this.status = details.status;
    if (details.openActionIds !== undefined) this.openActionIds = details.openActionIds;
  }
}

/** A refusal of a request field. */
export const invalidCoachingInput = (field: string, message: string): CoachingError =>
  new CoachingError(CoachingErrorCode.InvalidInput, message, { field });
