import { codedProblems } from '@salesos/http';
import { PersonError, PersonErrorCode } from '../domain/person.errors';

/** The one mapping of person errors to HTTP; a refusal about a request field names it, a state refusal the state. */
export const peopleProblems = codedProblems(
  PersonError,
  {
    [PersonErrorCode.NotFound]: { title: 'Person not found', status: 404 },
    [PersonErrorCode.AlreadyExists]: { title: 'The id is taken', status: 409 },
    [PersonErrorCode.InvalidTransition]: { title: "The person's state does not allow this", status: 409 },
    [PersonErrorCode.InvalidInput]: { title: 'A field of the request is not valid here', status: 400 },
    [PersonErrorCode.ImportTooLarge]: { title: 'The file is larger than an import takes', status: 413 },
  },
  (error) => (error.status === undefined ? {} : { personStatus: error.status }),
);
