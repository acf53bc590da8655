export enum TierErrorCode {
  /** A command on a tier record or programme that does not exist (or not in the caller's division). */
  NotFound = 'TIER_NOT_FOUND',
  /** A value the request got wrong; `field` names it. */
  InvalidInput = 'TIER_INVALID_INPUT',
  /** A tier, review or change the programme or record does not have; `field` names the reference. */
  UnknownReference = 'TIER_UNKNOWN_REFERENCE',
  /** An id given for something new that already names something else in the record; `field` names it. */
  IdInUse = 'TIER_ID_IN_USE',
  /** A new review while another awaits a manager's decision. */
  ReviewPending = 'TIER_REVIEW_PENDING',
  /** A decision on a review that was already decided the other way. */
  ReviewClosed = 'TIER_REVIEW_CLOSED',
  /** A change effective before the latest one: history is corrected by a correction, never rewritten. */
  Retroactive = 'TIER_RETROACTIVE_CHANGE',
}

/** A tier record or programme that does not exist, input it cannot take, or a change its state refuses. */
export class TierError extends Error {
  constructor(
    readonly code: TierErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'TierError';
  }
}
