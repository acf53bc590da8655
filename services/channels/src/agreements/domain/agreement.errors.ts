export enum AgreementErrorCode {
  /** A command on an agreement that does not exist (or not in the caller's division). */
  NotFound = 'AGREEMENT_NOT_FOUND',
  /** A value the request got wrong; `field` names it. */
  InvalidInput = 'AGREEMENT_INVALID_INPUT',
  /** A version number the agreement never had; `field` is `version`. */
  UnknownVersion = 'AGREEMENT_UNKNOWN_VERSION',
  /** A version that is no draft any more (signed or withdrawn) for a command that needs one. */
  VersionNotDraft = 'AGREEMENT_VERSION_NOT_DRAFT',
  /** Two unsigned drafts for overlapping periods: which would apply is a question nobody should have to answer. */
  OverlappingDraft = 'AGREEMENT_OVERLAPPING_DRAFT',
  /** A version that would apply before a signed one does: terms already agreed are not rewritten. */
  Retroactive = 'AGREEMENT_RETROACTIVE_CHANGE',
  /** A renewal of an agreement with no signed version. */
  NothingToRenew = 'AGREEMENT_NOTHING_TO_RENEW',
  /** Any change to a terminated agreement. */
  Terminated = 'AGREEMENT_TERMINATED',
  /** A question about a day on which no signed terms applied (none yet, expired, or terminated). */
  NoTermsOnDay = 'AGREEMENT_NO_TERMS_ON_DAY',
}

/** An agreement that does not exist, input it cannot take, or a change its state refuses (the state is named). */
export class AgreementError extends Error {
  constructor(
    readonly code: AgreementErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AgreementError';
  }
}
