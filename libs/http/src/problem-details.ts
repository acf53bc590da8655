/** RFC 9457 problem details: the body of every error answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Present on validation errors: each field and what is wrong with it. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `contact.email`, or a header name. */
  field: string;
  message: string;
}

export const problemContentType = 'application/problem+json';

export function problemType(slug: string): string {
  return `https://salesos.dev/problems/${slug}`;
}

/** The problem type of a feature error code: `LEAD_NOT_FOUND` is `.../problems/lead-not-found`. */
export function problemTypeForCode(code: string): string {
  return problemType(code.toLowerCase().replace(/_/g, '-'));
}

/** A request refused before it reached the domain: a body, query, path or header that is not acceptable. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

/** Maps the errors of one feature to problem details; answers undefined for errors that are not its own. */
export type ProblemMapper = (error: unknown) => ProblemDetails | undefined;
