import { sign } from 'node:crypto';
import type { Role } from '@salesos/http';
import type { SigningKey } from './signing-key';

/** Who a token is for: the claims the verifier reads. */
export interface TokenSubject {
  userId: string;
  roles: readonly Role[];
  /** Omitted for roles that reach every division. */
  divisions?: readonly string[];
  teams?: readonly string[];
  dealerId?: string;
}

export interface IssueOptions {
  issuer: string;
  audience: string;
  /** Lifetime in seconds. */
  lifetimeSeconds: number;
  now?: Date;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Signs a token with the embedded mode's key (ES256), synchronously: the embedded mode and the tests need tokens
 * without an identity provider. Production tokens come from the enterprise's identity provider.
 */
export function issueToken(key: SigningKey, subject: TokenSubject, options: IssueOptions): string {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = { alg: 'ES256', typ: 'JWT', kid: key.keyId };
  const payload = {
    iss: options.issuer,
    aud: options.audience,
    sub: subject.userId,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + options.lifetimeSeconds,
    roles: subject.roles,
    ...(subject.divisions === undefined ? {} : { divisions: subject.divisions }),
    ...(subject.teams === undefined ? {} : { teams: subject.teams }),
    ...(subject.dealerId === undefined ? {} : { dealer_id: subject.dealerId }),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}
