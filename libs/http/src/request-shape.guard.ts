import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { RequestValidationError } from './problem-details';
import { UnsupportedMediaTypeError } from './request-body';
import { fieldName } from './request-json';

/** Each handler's declared parameter kinds, read once: route metadata does not change once the application runs. */
const declaredByHandler = new WeakMap<object, Map<string, Set<RouteParamtypes>>>();

/** The kinds of route parameters a handler declares (`@Body()`, `@Query()`, ...). */
function declaredParameters(context: ExecutionContext): Set<RouteParamtypes> {
  const owner = context.getClass();
  const { name } = context.getHandler();
  let byName = declaredByHandler.get(owner);
  if (byName === undefined) declaredByHandler.set(owner, (byName = new Map<string, Set<RouteParamtypes>>()));
  let kinds = byName.get(name);
  if (kinds === undefined) {
    const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, owner, name) ?? {}) as Record<string, unknown>;
    kinds = new Set(Object.keys(declared).map((key) => Number(key.split(':')[0]) as RouteParamtypes));
    byName.set(name, kinds);
  }
  return kinds;
}

/** Whether a request carries a body at all: a length above zero, or one sent in chunks. */
function carriesBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Checks what a request is made of against what the operation declares, before its parameters are read: query
 * parameters on an operation that takes none (those that take a query DTO refuse unknown ones in the validation
 * pipe), and a body that is not JSON on an operation that takes a JSON body (415, rather than reading it as empty).
 * A guard, registered after the token guard: it runs after the caller is known and before the parameters are read,
 * without the cost of an interceptor's observable around every handler.
 */
@Injectable()
export class RequestShapeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const declared = declaredParameters(context);
    if (!declared.has(RouteParamtypes.QUERY)) {
      const names = Object.keys(request.query);
      if (names.length > 0) {
        throw new RequestValidationError(
          names.map((name) => ({ field: fieldName(name), message: 'is not a query parameter of this operation' })),
        );
      }
    }
    if (
      declared.has(RouteParamtypes.BODY) &&
      carriesBody(request) &&
      request.is('application/json') !== 'application/json'
    ) {
      throw new UnsupportedMediaTypeError('Content-Type', 'must be application/json');
    }
    return true;
  }
}
