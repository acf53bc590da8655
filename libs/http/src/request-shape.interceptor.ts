import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { RequestValidationError } from './problem-details';
import { UnsupportedMediaTypeError } from './request-body';
import { fieldName } from './request-json';

/** The kinds of route parameters a handler declares (`@Body()`, `@Query()`, ...). */
function declaredParameters(context: ExecutionContext): Set<RouteParamtypes> {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as Record<string, unknown>;
  return new Set(Object.keys(declared).map((key) => Number(key.split(':')[0]) as RouteParamtypes));
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
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
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
    return next.handle();
  }
}
