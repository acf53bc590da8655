import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@salesos/event-store';
import { type FieldError, RequestValidationError } from './problem-details';

export const knownRoles = [
  'admin',
  'sales-director',
  'division-manager',
  'team-lead',
  'rep',
  'dealer',
  'analyst',
] as const;

/** Who is asking, for which division, and under which idempotency key. */
export interface RequestContext {
  divisionId: string;
  actor: Actor;
  correlationId?: string;
  idempotencyKey?: string;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$/;
const keyPattern = /^[A-Za-z0-9_.:-]{1,200}$/;

/**
 * Reads the caller from headers. Interim: until authentication lands these come from plain headers
 * (X-Division-Id, X-User-Id, X-User-Roles); they are never taken from the body.
 */
export function readRequestContext(headers: Request['headers']): RequestContext {
  const header = (name: string): string | undefined => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const errors: FieldError[] = [];
  const divisionId = header('X-Division-Id');
  const userId = header('X-User-Id');
  const roles = (header('X-User-Roles') ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);
  const idempotencyKey = header('Idempotency-Key');
  const correlationId = header('X-Correlation-Id');
  if (divisionId === undefined || !idPattern.test(divisionId)) {
    errors.push({
      field: 'X-Division-Id',
      message: 'is required: the division the request acts on (letters, digits, _ . : @ -)',
    });
  }
  if (userId === undefined || !idPattern.test(userId)) {
    errors.push({ field: 'X-User-Id', message: 'is required: the id of the user acting (letters, digits, _ . : @ -)' });
  }
  const unknown = roles.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0) {
    errors.push({ field: 'X-User-Roles', message: `must list roles from ${knownRoles.join(', ')}` });
  }
  if (idempotencyKey !== undefined && !keyPattern.test(idempotencyKey)) {
    errors.push({ field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or _ . : -' });
  }
  if (correlationId !== undefined && !keyPattern.test(correlationId)) {
    errors.push({ field: 'X-Correlation-Id', message: 'must be 1 to 200 letters, digits or _ . : -' });
  }
  if (errors.length > 0) throw new RequestValidationError(errors);
  return {
    divisionId: divisionId as string,
    actor: { userId: userId as string, roles },
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}

/** `@Caller() caller: RequestContext` in a controller method. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext =>
  readRequestContext(context.switchToHttp().getRequest<Request>().headers),
);
