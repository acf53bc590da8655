import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { RegistrationError, RegistrationErrorCode } from '../domain/registration.errors';

const titles: Record<RegistrationErrorCode, { title: string; status: number }> = {
  [RegistrationErrorCode.NotFound]: { title: 'Deal registration not found', status: 404 },
  [RegistrationErrorCode.AlreadyExists]: { title: 'The deal registration exists already', status: 409 },
  [RegistrationErrorCode.WrongState]: { title: "The deal registration's state does not allow this", status: 409 },
  [RegistrationErrorCode.AlreadyAnswered]: { title: 'The deal registration is answered already', status: 409 },
  [RegistrationErrorCode.OtherOpportunity]: {
    title: 'The deal registration is tied to another opportunity',
    status: 409,
  },
  [RegistrationErrorCode.LapseNotDue]: { title: 'The deal registration is not due to lapse', status: 409 },
  [RegistrationErrorCode.InvalidInput]: { title: 'A field of the request is not valid', status: 400 },
};

/** The one mapping of deal registration errors to HTTP; a refusal about a request field names it. */
export const registrationProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof RegistrationError)) return undefined;
  const { title, status } = titles[error.code];
  return {
    type: problemTypeForCode(error.code),
    title,
    status,
    detail: error.field === undefined || status !== 400 ? error.message : `${error.field} ${error.message}`,
    code: error.code,
    ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
  };
};
