import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { acrossDivisionsKey, type AuthenticatedRequest, publicRouteKey, readRequestContext } from '@salesos/http';
import type { Organisation } from '../application/organisation.port';

/**
 * A request acts in one division: that division must exist, or the request is refused as not found before anything
 * reads or writes in it. Routes across divisions (the divisions themselves, administration) and public ones pass.
 * A guard, registered after the token and request-shape guards, so a caller is known and the request's shape checked
 * before the division is looked up.
 */
@Injectable()
export class KnownDivisionGuard implements CanActivate {
  constructor(
    private readonly organisation: Organisation,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const exempt = [acrossDivisionsKey, publicRouteKey].some(
      (key) =>
        this.reflector.getAllAndOverride<boolean | undefined>(key, [context.getHandler(), context.getClass()]) === true,
    );
    if (exempt) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { divisionId } = readRequestContext(request);
    await this.organisation.requireDivision(divisionId);
    return true;
  }
}
