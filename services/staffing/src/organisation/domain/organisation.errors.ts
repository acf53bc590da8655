/** What an organisation command broke; the API maps each code to one HTTP status (noted beside it). */
export enum OrganisationErrorCode {
  /** 404: no unit with this id in the caller's division. */
  UnitNotFound = 'UNIT_NOT_FOUND',
  /** 404: no position with this id in the caller's division. */
  PositionNotFound = 'POSITION_NOT_FOUND',
  /** 409: a unit or position is opened or defined under an id that is taken. */
  AlreadyExists = 'ORGANISATION_ALREADY_EXISTS',
  /** 400: a request field the rules refuse, named in `field`. */
  InvalidInput = 'ORGANISATION_INVALID_INPUT',
  /** 400: the request names a unit its division does not have, in `field`. */
  UnknownReference = 'ORGANISATION_UNKNOWN_REFERENCE',
  /** 409: the unit cannot sit where the request puts it in the tree (`field`: parentUnitId). */
  ParentNotAllowed = 'UNIT_PARENT_NOT_ALLOWED',
  /** 409: the unit (or the parent the request names) is closed, or its closing is recorded. */
  UnitClosed = 'UNIT_CLOSED',
  /** 409: the unit still has members on the closing day or later; `memberCount` says how many. */
  UnitHasMembers = 'UNIT_HAS_MEMBERS',
  /** 409: units below it stay open on the closing day or later; `openUnitIds` lists them. */
  UnitHasOpenUnits = 'UNIT_HAS_OPEN_UNITS',
  /** 409: the position is retired. */
  PositionRetired = 'POSITION_RETIRED',
}

/** A refusal of the organisation: units and positions. */
export class OrganisationError extends Error {
  /** The request field at fault, for a 400 naming it. */
  readonly field?: string;
  readonly memberCount?: number;
  readonly openUnitIds?: string[];

  constructor(
    readonly code: OrganisationErrorCode,
    message: string,
    details: { field?: string; memberCount?: number; openUnitIds?: string[] } = {},
  ) {
    super(message);
    this.name = 'OrganisationError';
    if (details.field !== undefined) this.field = details.field;
    if (details.memberCount !== undefined) this.memberCount = details.memberCount;
    if (details.openUnitIds !== undefined) this.openUnitIds = details.openUnitIds;
  }
}

export const invalidInput = (field: string, message: string): OrganisationError =>
  new OrganisationError(OrganisationErrorCode.InvalidInput, message, { field });
