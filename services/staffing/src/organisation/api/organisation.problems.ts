import { codedProblems } from '@salesos/http';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation.errors';

/** The one mapping of organisation errors to HTTP; a refusal about a request field names it. */
export const organisationProblems = codedProblems(
  OrganisationError,
  {
    [OrganisationErrorCode.UnitNotFound]: { title: 'Unit not found', status: 404 },
    [OrganisationErrorCode.PositionNotFound]: { title: 'Position not found', status: 404 },
    [OrganisationErrorCode.AlreadyExists]: { title: 'The id is taken', status: 409 },
    [OrganisationErrorCode.InvalidInput]: { title: 'A field of the request is not valid here', status: 400 },
    [OrganisationErrorCode.UnknownReference]: {
      title: 'The request names a unit or position its division does not have',
      status: 400,
    },
    [OrganisationErrorCode.ParentNotAllowed]: { title: 'The unit cannot sit there in the tree', status: 409 },
    [OrganisationErrorCode.UnitClosed]: { title: 'The unit is closed', status: 409 },
    [OrganisationErrorCode.UnitHasMembers]: { title: 'The unit still has members', status: 409 },
    [OrganisationErrorCode.UnitHasOpenUnits]: { title: 'Units below it stay open', status: 409 },
    [OrganisationErrorCode.PositionRetired]: { title: 'The position is retired', status: 409 },
  },
  (error) => ({
    ...(error.memberCount === undefined ? {} : { memberCount: error.memberCount }),
    ...(error.openUnitIds === undefined ? {} : { openUnitIds: error.openUnitIds }),
  }),
);
