import { createRemoteJWKSet } from 'jose';
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
    keys: createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }),
    issuer: options.issuer,
    audience: options.audience,
    clockToleranceSeconds: options.clockToleranceSeconds,
    algorithms: ['RS256', 'ES256'],
  });
}
