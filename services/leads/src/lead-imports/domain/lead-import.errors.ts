export enum LeadImportErrorCode {
  NotFound = 'LEAD_IMPORT_NOT_FOUND',
  NotResumable = 'LEAD_IMPORT_NOT_RESUMABLE',
  /** The file is larger, or holds more rows, than an import takes. */
  TooLarge = 'LEAD_IMPORT_TOO_LARGE',
}

/** Which limit a file went past, and where it stands. */
export interface ImportLimitExceeded {
  limit: 'maxBytes' | 'maxRows';
  max: number;
}

/** A rule of lead imports the request broke; the API maps each code to one HTTP status. */
export class LeadImportError extends Error {
  constructor(
    readonly code: LeadImportErrorCode,
    message: string,
    readonly status?: string,
    readonly exceeded?: ImportLimitExceeded,
  ) {
    super(message);
    this.name = 'LeadImportError';
  }
}
