import { type CanActivate, type ExecutionContext, type INestApplication, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  AccessDeniedError,
  type AuthenticatedRequest,
  mayWrite,
  onlyReads,
  publicRouteKey,
  requiredRolesKey,
  type Role,
} from '@salesos/http';
import type { TokenVerifier } from './token-verifier';

/**
 * Every route needs a verified bearer token, unless it is marked `@PublicRoute()`; the verified caller is left on
 * the request for `@Caller()`. Routes that need a role say so with `@RequireRoles()`; analysts may only read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Event handlers take integration events from the platform's own transport, not requests from users.
    if (context.getType() !== 'http') return true;
    const open = this.reflector.getAllAndOverride<boolean | undefined>(publicRouteKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (open === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.verifier.verify(request.headers.authorization);
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(requiredRolesKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required !== undefined && !principal.roles.some((role) => required.includes(role))) {
      throw new AccessDeniedError(`This needs one of the roles ${required.join(', ')}`);
    }
    if (!onlyReads(request.method) && !mayWrite(principal)) {
      throw new AccessDeniedError('Analysts read; they cannot change anything');
    }
    return true;
  }
}

/** Puts every route of an application behind the guard. */
export function requireTokens(app: INestApplication, verifier: TokenVerifier): void {
  app.useGlobalGuards(new AuthGuard(verifier, app.get(Reflector)));
}
