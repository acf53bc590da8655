import { codedProblems } from '@salesos/http';
import { FundError, FundErrorCode } from '../domain/fund.errors';

/** The one mapping of fund errors to HTTP; a refusal about a request field names it. */
export const fundProblems = codedProblems(FundError, {
  [FundErrorCode.NotFound]: { title: 'Fund budget not found', status: 404 },
  [FundErrorCode.AlreadyExists]: { title: 'The fund budget is allocated already', status: 409 },
  [FundErrorCode.RequestNotFound]: { title: 'Fund request not found', status: 404 },
  [FundErrorCode.RequestExists]: { title: 'The fund request exists already', status: 409 },
  [FundErrorCode.WrongState]: { title: "The fund request's state does not allow this", status: 409 },
  [FundErrorCode.BudgetExceeded]: { title: 'The fund budget does not cover this', status: 409 },
  [FundErrorCode.InvalidInput]: { title: 'A field of the request is not valid for this budget', status: 400 },
});
