import type { FieldError, ProblemDetails } from './problem-details';

/** At most this many field errors are listed; the rest are counted. */
export const maxListedFieldErrors = 50;
const maxMessageLength = 300;
const maxFieldLength = 200;
const maxDetailLength = 1000;

function clipped(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * A problem whose size does not grow with the request: a body with thousands of bad lines, or a field name of a
 * hundred kilobytes, gets an answer of a few kilobytes that lists the first errors and counts the others.
 */
export function boundedProblem(problem: ProblemDetails): ProblemDetails {
  const bounded: ProblemDetails = { ...problem, detail: clipped(problem.detail, maxDetailLength) };
  if (problem.instance !== undefined) bounded.instance = clipped(problem.instance, maxDetailLength);
  const { errors } = problem;
  if (errors === undefined) return bounded;
  bounded.errors = errors.slice(0, maxListedFieldErrors).map((error): FieldError => ({
    field: clipped(error.field, maxFieldLength),
    message: clipped(error.message, maxMessageLength),
  }));
  if (errors.length > maxListedFieldErrors) bounded.moreErrors = errors.length - maxListedFieldErrors;
  return bounded;
}
