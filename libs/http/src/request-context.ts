import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@salesos/event-store';
import { idPattern } from '@salesos/kernel';
import { AccessDeniedError, AuthenticationError } from './auth-errors';
import { grantsDivision, type Principal } from './caller-scope';
import { type IdempotentRequest, requestFingerprint } from './idempotency';
import { type FieldError, RequestValidationError } from './problem-details';

/** Who is asking (from the verified token), for which division, and under which idempotency key. */
export interface RequestContext {
  /** The division the request acts on: the token's only one, or the one `X-Division-Id` picks among its grants. */
  divisionId: string;
  actor: Actor;
  /** The verified caller; absent only for the platform's own processes (rematching, demo seeding). */
  principal?: Principal;
  correlationId?: string;
  idempotencyKey?: string;
  /**
   * Whose idempotency keys these are: the caller's by default, so one user's key never answers with another's
   * record; an import's rows are the import's, whoever resumes it.
   */
  idempotencyScope?: string;
  /** The request that carried the Idempotency-Key, fingerprinted: see `requestFingerprintOf`. */
  idempotentRequest?: IdempotentRequest;
}

/** Where the authentication guard leaves the verified caller on the request. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

const keyPattern = /^[A-Za-z0-9_.:-]{1,200}$/;

/**
 * The caller of a request: user and roles only from the verified token; the division is one the token grants,
 * picked with `X-Division-Id` when it grants several.
 */
export function readRequestContext(request: AuthenticatedRequest): RequestContext {
  const { principal } = request;
  if (principal === undefined) throw new AuthenticationError('missing');
  const header = (name: string): string | undefined => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const errors: FieldError[] = [];
  const picked = header('X-Division-Id');
  const idempotencyKey = header('Idempotency-Key');
  const correlationId = header('X-Correlation-Id');
  if (picked !== undefined && !idPattern.test(picked)) {
    errors.push({ field: 'X-Division-Id', message: 'must be a division id (letters, digits, _ . : @ -)' });
  }
  const only = principal.divisions !== 'all' && principal.divisions.length === 1 ? principal.divisions[0] : undefined;
  if (picked === undefined && only === undefined) {
    errors.push({
      field: 'X-Division-Id',
      message: 'is required: your token grants several divisions; name the one the request acts on',
    });
  }
  if (idempotencyKey !== undefined && !keyPattern.test(idempotencyKey)) {
    errors.push({ field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or _ . : -' });
  }
  if (correlationId !== undefined && !keyPattern.test(correlationId)) {
    errors.push({ field: 'X-Correlation-Id', message: 'must be 1 to 200 letters, digits or _ . : -' });
  }
  if (errors.length > 0) throw new RequestValidationError(errors);
  const divisionId = (picked ?? only) as string;
  if (!grantsDivision(principal, divisionId)) {
    throw new AccessDeniedError(`Your token does not grant division '${divisionId}'`);
  }
  return {
    divisionId,
    actor: { userId: principal.userId, roles: [...principal.roles] },
    principal,
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(idempotencyKey === undefined
      ? {}
      : { idempotencyKey, idempotentRequest: { key: idempotencyKey, fingerprint: requestFingerprint(request) } }),
  };
}

/** `@Caller() caller: RequestContext` in a controller method. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext =>
  readRequestContext(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** How the OpenAPI pages describe the division header. */
export const divisionHeaderDescription =
  'The division the request acts on, among those the bearer token grants; needed only when it grants several.';
