import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ConcurrencyRetriesExhaustedError,
  ExpectedVersionMismatchError,
  IdempotencyKeyReusedError,
  InvalidEventError,
  MalformedEventError,
} from '@salesos/event-sourcing';
import { EventStoreError, EventStoreErrorCode } from '@salesos/event-store';
import {
  type ProblemDetails,
  type ProblemMapper,
  problemContentType,
  problemType,
  RequestValidationError,
} from './problem-details';
import { AccessDeniedError, AuthenticationError, KeysUnavailableError } from './auth-errors';
import { boundedProblem } from './bounded-problem';
import { requestBodyProblems } from './request-body';

/** Errors every service shares: validation, versions, concurrency. Feature mappers come first. */
const platformMapper: ProblemMapper = (error) => {
  if (error instanceof AuthenticationError) {
    return {
      type: problemType('unauthenticated'),
      title: 'Authentication is required',
      status: 401,
      detail: error.message,
      reason: error.failure,
    };
  }
  if (error instanceof KeysUnavailableError) {
    return {
      type: problemType('keys-unavailable'),
      title: 'Tokens cannot be checked now',
      status: 503,
      detail: error.message,
    };
  }
  if (error instanceof AccessDeniedError) {
    return { type: problemType('forbidden'), title: 'Not allowed', status: 403, detail: error.message };
  }
  if (error instanceof RequestValidationError) {
    return {
      type: problemType('validation'),
      title: 'The request is not valid',
      status: 400,
      detail: error.message,
      errors: error.errors,
    };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return {
      type: problemType('idempotency-key-reused'),
      title: 'The Idempotency-Key was used for a different request',
      status: 422,
      detail:
        'This Idempotency-Key came before with another method, path, query or body; a retry repeats the request ' +
        'exactly, and a new request needs a new key',
    };
  }
  if (error instanceof ExpectedVersionMismatchError) {
    return {
      type: problemType('version-mismatch'),
      title: 'The resource changed since you read it',
      status: 412,
      detail: `If-Match expected version ${error.expected}, the current version is ${error.actual}; read it again and retry`,
      currentVersion: error.actual,
    };
  }
  if (error instanceof InvalidEventError) {
    // What the request asked for passed its checks but not the event it would record: refused, nothing stored.
    return {
      type: problemType('validation'),
      title: 'The request is not valid',
      status: 400,
      detail: error.message,
      errors: error.problems.map((problem) => ({ field: problem.path, message: problem.message })),
    };
  }
  if (error instanceof MalformedEventError) {
    return {
      type: problemType('record-unreadable'),
      title: 'The record cannot be read',
      status: 500,
      detail: 'A stored event of this record is not what its type says; the record needs repair.',
    };
  }
  if (error instanceof ConcurrencyRetriesExhaustedError) {
    return {
      type: problemType('concurrency'),
      title: 'The resource is changing too fast',
      status: 409,
      detail: error.message,
    };
  }
  if (error instanceof EventStoreError && error.code === EventStoreErrorCode.IdempotencyConflict) {
    return {
      type: problemType('idempotency-conflict'),
      title: 'The Idempotency-Key was used for another request',
      status: 409,
      detail: error.message,
    };
  }
  return undefined;
};

/**
 * Every error leaves as application/problem+json: feature errors through their mapper, validation with the
 * fields named, framework HTTP errors as they are, and anything unknown as a 500 that reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly mappers: readonly ProblemMapper[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = boundedProblem({ ...this.toProblem(error), instance: request.originalUrl });
    if (error instanceof AuthenticationError) {
      // RFC 6750: a missing token gets the scheme alone, a bad one says it is invalid.
      const invalid = error.failure === 'missing' ? '' : ', error="invalid_token"';
      response.setHeader('WWW-Authenticate', `Bearer realm="salesos"${invalid}`);
    }
    response.status(problem.status).type(problemContentType).send(JSON.stringify(problem));
  }

  private toProblem(error: unknown): ProblemDetails {
    for (const mapper of [...this.mappers, requestBodyProblems, platformMapper]) {
      const problem = mapper(error);
      if (problem !== undefined) return problem;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : error.message;
      return { type: problemType(`http-${status}`), title: HttpStatus[status] ?? 'Error', status, detail };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      type: problemType('internal'),
      title: 'Internal error',
      status: 500,
      detail: 'The request could not be completed; it has been logged.',
    };
  }
}
