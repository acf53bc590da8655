import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { AssignmentRuleError } from '../domain/assignment-rule-set.decider';

/** Rule errors are bad values in the request body. */
export const assignmentProblems: ProblemMapper = (error): ProblemDetails | undefined =>
  error instanceof AssignmentRuleError
    ? {
        type: problemTypeForCode(error.code),
        title: 'The assignment rules are not valid',
        status: 400,
        detail: error.message,
        code: error.code,
        errors: [{ field: 'rules', message: error.message }],
      }
    : undefined;
