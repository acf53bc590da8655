export enum DealerErrorCode {
  Unknown = 'DEALER_UNKNOWN',
  Suspended = 'DEALER_SUSPENDED',
  Terminated = 'DEALER_TERMINATED',
}

/** A deal refers to a dealer that may not take it: unknown to the caller's division, suspended or terminated. */
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
