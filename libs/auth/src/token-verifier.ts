import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify, type KeyLike } from 'jose';
import { AuthenticationError, KeysUnavailableError, knownRoles, type Principal, type Role } from '@salesos/http';
import { idPattern } from '@salesos/kernel';
import { VerifiedTokens } from './verified-tokens';

export interface TokenVerifierOptions {
  /** The public key of the embedded mode, or the identity provider's key set (JWKS). */
  keys: KeyLike | JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Bounded allowance for clocks that disagree, in seconds. */
  clockToleranceSeconds: number;
  algorithms?: string[];
  /** How many verified tokens to remember, and for how long at most (defaults: 10,000 for 60 s; 0 remembers none). */
  remember?: { tokens: number; maxAgeMs: number };
  /** The verifier's clock, in ms: for token lifetimes and for how long a verified token is remembered. */
  now?: () => number;
}

/** Roles that reach every division without listing them. */
const everywhere: readonly Role[] = ['admin', 'sales-director'];

/**
 * Checks a bearer token (signature, algorithm, issuer, audience, lifetime with bounded clock skew) and reads the
 * caller from its claims: `sub`, `roles`, `divisions`, and `teams` for team leads, `dealer_id` for dealer users.
 */
export class TokenVerifier {
  private readonly algorithms: string[];
  private readonly verified: VerifiedTokens;
  private readonly now: () => number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.algorithms = options.algorithms ?? ['RS256', 'ES256'];
    const remember = options.remember ?? { tokens: 10_000, maxAgeMs: 60_000 };
    this.verified = new VerifiedTokens(remember.tokens, remember.maxAgeMs);
    this.now = options.now ?? Date.now;
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '') throw new AuthenticationError('missing');
    // RFC 7235: the scheme is case-insensitive and followed by one or more spaces.
    const match = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization.trim());
    if (match === null) throw new AuthenticationError('malformed');
    const token = match[1] as string;
    const now = this.now();
    const known = this.verified.get(token, now);
    if (known !== undefined) return known;
    let payload: JWTPayload;
    try {
      const verified = await jwtVerify(token, this.options.keys as KeyLike, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds,
        algorithms: this.algorithms,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(now),
      });
      payload = verified.payload;
    } catch (error) {
      throw error instanceof KeysUnavailableError ? error : failureOf(error);
    }
    const principal = principalOf(payload);
    // jose accepts a token until its expiry plus the clock allowance; remembering it never stretches that.
    const expiresAt = ((payload.exp as number) + this.options.clockToleranceSeconds) * 1000;
    this.verified.keep(token, principal, expiresAt, now);
    return principal;
  }
}

function failureOf(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AuthenticationError('wrong-issuer');
    if (error.claim === 'aud') return new AuthenticationError('wrong-audience');
    if (error.claim === 'nbf' || error.claim === 'iat') return new AuthenticationError('not-yet-valid');
    return new AuthenticationError('bad-claims');
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return new AuthenticationError('bad-signature');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new KeysUnavailableError();
  if (error instanceof errors.JOSEError) return new AuthenticationError('malformed');
  // Only fetching the identity provider's key set fails outside jose's own errors.
  return new KeysUnavailableError();
}

function principalOf(payload: JWTPayload): Principal {
  const list = (value: unknown): string[] | undefined =>
    Array.isArray(value) && value.every((item) => typeof item === 'string' && idPattern.test(item))
      ? (value as string[])
      : undefined;
  const userId = payload.sub;
  const roles = list(payload.roles);
  if (userId === undefined || !idPattern.test(userId) || roles === undefined || roles.length === 0) {
    throw new AuthenticationError('bad-claims');
  }
  if (!roles.every((role) => (knownRoles as readonly string[]).includes(role))) {
    throw new AuthenticationError('bad-claims');
  }
  const known = roles as Role[];
  const listed = list(payload.divisions);
  const reachesAll = known.some((role) => everywhere.includes(role));
  if (!reachesAll && (listed === undefined || listed.length === 0)) throw new AuthenticationError('bad-claims');
  const teams = payload.teams === undefined ? [] : list(payload.teams);
  const dealerId = payload.dealer_id;
  if (teams === undefined) throw new AuthenticationError('bad-claims');
  if (dealerId !== undefined && (typeof dealerId !== 'string' || !idPattern.test(dealerId))) {
    throw new AuthenticationError('bad-claims');
  }
  if (known.includes('dealer') && dealerId === undefined) throw new AuthenticationError('bad-claims');
  return {
    userId,
    roles: known,
    divisions: reachesAll ? 'all' : (listed as string[]),
    teams,
    ...(typeof dealerId === 'string' ? { dealerId } : {}),
  };
}
