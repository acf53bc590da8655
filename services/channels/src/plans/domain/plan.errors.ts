export enum PlanErrorCode {
  NotFound = 'PLAN_NOT_FOUND',
  /** A won deal dated outside the plan's period. */
  OutsidePeriod = 'PLAN_OUTSIDE_PERIOD',
  InvalidInput = 'PLAN_INVALID_INPUT',
}

/** A plan that does not exist, a deal that is not the period's, or a plan that does not add up. */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}
