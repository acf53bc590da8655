import type { Role } from '@salesos/http';
import { EmbeddedAuth } from '../embedded-auth';
import { generateSigningKey } from '../signing-key';
import type { TokenSubject } from '../token-issuer';

/** One key for the whole test process: tokens signed with it pass `testAuth.verifier`. */
export const testAuth = new EmbeddedAuth(generateSigningKey());

/** The Authorization header of a caller, for supertest's `.set()`. */
export function bearer(subject: TokenSubject): Record<string, string> {
  return { Authorization: `Bearer ${testAuth.issue(subject)}` };
}

/** A caller with `roles` in one division, the common case of the tests. */
export function asUser(userId: string, roles: Role | Role[], divisionId: string, extra: Partial<TokenSubject> = {}) {
  return bearer({ userId, roles: Array.isArray(roles) ? roles : [roles], divisions: [divisionId], ...extra });
}
