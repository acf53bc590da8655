import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from './problem-details';

/** A feature's error: a code from its enum, and the request field at fault when there is one. */
export interface CodedError extends Error {
  readonly code: string;
  readonly field?: string;
}

/** How one code reads over HTTP. */
export interface CodedProblem {
  title: string;
  status: number;
}

/**
 * A feature's one mapping of its errors to HTTP, from a table with a row for every code (the compiler checks that none
 * is missing): problem+json with the code, and the field named when the error names one. `extensions` adds what a
 * feature's errors carry besides (a dealer's state, the requirements still open).
 */
export function codedProblems<E extends CodedError>(
  errorType: abstract new (...args: never[]) => E,
  table: Record<E['code'], CodedProblem>,
  extensions: (error: E) => Record<string, unknown> = () => ({}),
): ProblemMapper {
  return (error): ProblemDetails | undefined => {
    if (!(error instanceof errorType)) return undefined;
    const { title, status } = table[error.code as E['code']];
    return {
      type: problemTypeForCode(error.code),
      title,
      status,
      detail: error.field === undefined ? error.message : `${error.field}: ${error.message}`,
      code: error.code,
      ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
      ...extensions(error),
    };
  };
}
