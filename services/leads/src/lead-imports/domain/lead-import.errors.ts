export enum LeadImportErrorCode {
  NotFound = 'LEAD_IMPORT_NOT_FOUND',
  NotResumable = 'LEAD_IMPORT_NOT_RESUMABLE',
}

/** A rule of lead imports the request broke; the API maps each code to one HTTP status. */
export class LeadImportError extends Error {
  constructor(
    readonly code: LeadImportErrorCode,
    message: string,
    readonly status?: string,
  ) {
    super(message);
    this.name = 'LeadImportError';
  }
}
