import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { ScoringRulesError } from '../domain/scoring-rules.decider';

/** Scoring rule errors are bad values in the request body, named by their field. */
export const scoringRulesProblems: ProblemMapper = (error): ProblemDetails | undefined =>
  error instanceof ScoringRulesError
    ? {
        type: problemTypeForCode(error.code),
        title: 'The scoring rules are not valid',
        status: 400,
        detail: `${error.field} ${error.message}`,
        code: error.code,
        errors: [{ field: error.field, message: error.message }],
      }
    : undefined;
