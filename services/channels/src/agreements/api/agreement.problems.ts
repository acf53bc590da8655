import { codedProblems } from '@salesos/http';
import { AgreementError, AgreementErrorCode } from '../domain/agreement.errors';

/** The one mapping of agreement errors to HTTP; a refusal about a request field names it. */
export const agreementProblems = codedProblems(AgreementError, {
  [AgreementErrorCode.NotFound]: { title: 'Agreement not found', status: 404 },
  [AgreementErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this agreement', status: 400 },
  [AgreementErrorCode.UnknownVersion]: { title: 'The agreement has no such version', status: 404 },
  [AgreementErrorCode.VersionNotDraft]: { title: 'The version is no draft any more', status: 409 },
  [AgreementErrorCode.OverlappingDraft]: { title: 'Another draft covers these days', status: 409 },
  [AgreementErrorCode.Retroactive]: { title: 'Agreed terms are not changed retroactively', status: 409 },
  [AgreementErrorCode.NothingToRenew]: { title: 'The agreement has no signed version to renew', status: 409 },
  [AgreementErrorCode.Terminated]: { title: 'The agreement is terminated', status: 409 },
  [AgreementErrorCode.NoTermsOnDay]: { title: 'No terms applied on that day', status: 404 },
});
