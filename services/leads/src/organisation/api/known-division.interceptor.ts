import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { acrossDivisionsKey, type AuthenticatedRequest, publicRouteKey, readRequestContext } from '@salesos/http';
import { from, type Observable, switchMap } from 'rxjs';
import type { Organisation } from '../application/organisation.port';

/**
 * A request acts in one division: that division must exist, or the request is refused as not found before anything
 * reads or writes in it. Routes across divisions (the divisions themselves, administration) and public ones pass.
 */
@Injectable()
export class KnownDivisionInterceptor implements NestInterceptor {
  constructor(
    private readonly organisation: Organisation,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const exempt = [acrossDivisionsKey, publicRouteKey].some(
      (key) =>
        this.reflector.getAllAndOverride<boolean | undefined>(key, [context.getHandler(), context.getClass()]) === true,
    );
    if (exempt) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { divisionId } = readRequestContext(request);
    return from(this.organisation.requireDivision(divisionId)).pipe(switchMap(() => next.handle()));
  }
}
