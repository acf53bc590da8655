export enum FundErrorCode {
  /** No budget for this dealer and period (in your division). */
  NotFound = 'FUND_BUDGET_NOT_FOUND',
  AlreadyExists = 'FUND_BUDGET_ALREADY_EXISTS',
  RequestNotFound = 'FUND_REQUEST_NOT_FOUND',
  RequestExists = 'FUND_REQUEST_ALREADY_EXISTS',
  /** The command makes no sense in the request's state; the message names the state. */
  WrongState = 'FUND_REQUEST_WRONG_STATE',
  /** Approving, or lowering the budget, would commit more than the budget; the message names what remains. */
  BudgetExceeded = 'FUND_BUDGET_EXCEEDED',
  InvalidInput = 'FUND_INVALID_INPUT',
}

/** A budget or request that does not exist, a step its state refuses, an overdraft, or input that makes no sense. */
export class FundError extends Error {
  constructor(
    readonly code: FundErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'FundError';
  }
}
