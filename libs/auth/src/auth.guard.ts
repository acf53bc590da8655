import { type CanActivate, type ExecutionContext, type INestApplication, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AuthenticatedRequest, publicRouteKey } from '@salesos/http';
import type { TokenVerifier } from './token-verifier';

/**
 * Every route needs a verified bearer token, unless it is marked `@PublicRoute()`; the verified caller is left on
 * the request for `@Caller()`.
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
    request.principal = await this.verifier.verify(request.headers.authorization);
    return true;
  }
}

/** Puts every route of an application behind the guard. */
export function requireTokens(app: INestApplication, verifier: TokenVerifier): void {
  app.useGlobalGuards(new AuthGuard(verifier, app.get(Reflector)));
}
