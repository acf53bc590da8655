/** What a dealer command broke; the API maps each code to one HTTP status (noted beside it). */
export enum DealerErrorCode {
  /** 404: no dealer on this stream, or one of another division. */
  NotFound = 'DEALER_NOT_FOUND',
  /** 409: an application for a dealer id that already exists. */
  AlreadyExists = 'DEALER_ALREADY_EXISTS',
  /** 409: the command makes no sense in the dealer's state, which the message names. */
  InvalidTransition = 'DEALER_INVALID_TRANSITION',
  /** 409: activation while requirements of the onboarding checklist are open; they are listed. */
  RequirementsOpen = 'DEALER_REQUIREMENTS_OPEN',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'DEALER_INVALID_INPUT',
}

export class DealerError extends Error {
  /** The request field at fault, for a 400 naming it. */
  readonly field?: string;
  /** The dealer's state when the command was refused. */
  readonly status?: string;
  /** The requirements still open when activation was refused. */
  readonly openRequirementIds?: string[];

  constructor(
    readonly code: DealerErrorCode,
    message: string,
    details: { field?: string; status?: string; openRequirementIds?: string[] } = {},
  ) {
    super(message);
    this.name = 'DealerError';
    if (details.field !== undefined) this.field = details.field;
    if (details.status !== undefined) this.status = details.status;
    if (details.openRequirementIds !== undefined) this.openRequirementIds = details.openRequirementIds;
  }
}
