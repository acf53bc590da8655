export enum OpportunityErrorCode {
  NotFound = 'OPPORTUNITY_NOT_FOUND',
  AlreadyExists = 'OPPORTUNITY_ALREADY_EXISTS',
  UnknownStage = 'OPPORTUNITY_UNKNOWN_STAGE',
  WrongPipeline = 'OPPORTUNITY_WRONG_PIPELINE',
  Closed = 'OPPORTUNITY_CLOSED',
  NotClosed = 'OPPORTUNITY_NOT_CLOSED',
  UnknownLossReason = 'OPPORTUNITY_UNKNOWN_LOSS_REASON',
  UnknownWonReason = 'OPPORTUNITY_UNKNOWN_WON_REASON',
  InvalidProducts = 'OPPORTUNITY_INVALID_PRODUCTS',
  /** A forecast revision dated before the deal opened, or after it was recorded. */
  EffectiveOutsideDeal = 'OPPORTUNITY_EFFECTIVE_OUTSIDE_DEAL',
}

export class OpportunityError extends Error {
  constructor(
    readonly code: OpportunityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OpportunityError';
  }
}
