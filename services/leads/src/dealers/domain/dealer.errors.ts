export enum DealerErrorCode {
  Unknown = 'DEALER_UNKNOWN',
  OfAnotherDivision = 'DEALER_OF_ANOTHER_DIVISION',
  Suspended = 'DEALER_SUSPENDED',
  Terminated = 'DEALER_TERMINATED',
}

/** A deal refers to a dealer that may not take it: unknown, another division's, suspended or terminated. */
export class DealerError extends Error {
  constructor(
    readonly code: DealerErrorCode,
    message: string,
    /** The request field that named the dealer. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'DealerError';
  }
}
