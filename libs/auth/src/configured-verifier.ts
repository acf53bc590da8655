import { EmbeddedAuth } from './embedded-auth';
import { DemoSignIn } from './demo-sign-in';
import { demoUsers } from './demo-users';
import { jwksVerifier } from './jwks-auth';
import type { TokenVerifier } from './token-verifier';
import type { PlatformConfig } from '@salesos/config';

/** The verifier of the configured tokens: the data folder's own key, or the identity provider's key set. */
export function openTokenVerifier(config: PlatformConfig): TokenVerifier {
  const { auth } = config;
  return auth.kind === 'embedded'
    ? EmbeddedAuth.ofDataDir(config.dataDir).verifier
    : jwksVerifier({
        jwksUrl: auth.jwksUrl,
        issuer: auth.issuer,
        audience: auth.audience,
        clockToleranceSeconds: auth.clockSkewSeconds,
      });
}

/** The demo users' sign-in in the embedded mode, signed with the data folder's key; none with an identity provider. */
export function demoSignInFor(config: PlatformConfig): DemoSignIn | undefined {
  return config.auth.kind === 'embedded'
    ? new DemoSignIn(EmbeddedAuth.ofDataDir(config.dataDir), demoUsers)
    : undefined;
}
