export enum DivisionErrorCode {
  NotFound = 'DIVISION_NOT_FOUND',
  InvalidRoster = 'DIVISION_INVALID_ROSTER',
  UnknownReference = 'DIVISION_UNKNOWN_REFERENCE',
}

/** A division that does not exist, a roster that contradicts itself, or a reference outside the division. */
export class DivisionError extends Error {
  constructor(
    readonly code: DivisionErrorCode,
    message: string,
    /** The request field a reference came from, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DivisionError';
  }
}
