import type { DuplicateMatch } from './duplicate-detection';

export enum LeadErrorCode {
  NotFound = 'LEAD_NOT_FOUND',
  AlreadyExists = 'LEAD_ALREADY_EXISTS',
  Duplicate = 'LEAD_DUPLICATE',
  InvalidTransition = 'LEAD_INVALID_TRANSITION',
  SelfMerge = 'LEAD_SELF_MERGE',
}

/** A lead rule the command broke; the API maps each code to one HTTP status. */
export class LeadError extends Error {
  constructor(
    readonly code: LeadErrorCode,
    message: string,
    readonly details: { duplicates?: DuplicateMatch[]; status?: string } = {},
  ) {
    super(message);
    this.name = 'LeadError';
  }
}
