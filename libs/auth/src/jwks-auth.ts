import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { KeysUnavailableError } from '@salesos/http';
import { TokenVerifier } from './token-verifier';

export interface JwksAuthOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
}

/** Tokens of the enterprise identity provider, checked against its published key set (RS256 or ES256). */
export function jwksVerifier(options: JwksAuthOptions): TokenVerifier {
  return new TokenVerifier({
    keys: unavailableWhenUnreachable(
      createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }),
    ),
    issuer: options.issuer,
    audience: options.audience,
    clockToleranceSeconds: options.clockToleranceSeconds,
    algorithms: ['RS256', 'ES256'],
  });
}

/**
 * A key set that cannot be fetched (down, an error status, not a key set) means no token can be checked now: 503,
 * not a verdict on the token. A key set that lacks the token's key is a verdict (bad signature), so it passes.
 */
function unavailableWhenUnreachable(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeysUnavailableError();
    }
  };
}
