import type { Principal } from '@salesos/http';

interface Entry {
  principal: Principal;
  /** The first moment (ms) the entry may no longer answer: the token's expiry or the entry's age limit. */
  until: number;
}

/**
 * Tokens already verified, so a client that sends the same token with every request pays for one signature check
 * per token, not per request. An entry answers until the token expires (with the verifier's clock allowance) or
 * for `maxAgeMs` at most, so a key withdrawn from the identity provider stops being trusted within that bound.
 * Only tokens that passed every check are kept; the least recently used go first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
  ) {}

  get(token: string, now: number): Principal | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    this.entries.delete(token);
    if (now >= entry.until) return undefined;
    this.entries.set(token, entry);
    return entry.principal;
  }

  keep(token: string, principal: Principal, expiresAt: number, now: number): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(token);
    // One caller's principal answers many requests: frozen, so no request can change it for the next.
    const frozen = Object.freeze({
      ...principal,
      roles: Object.freeze([...principal.roles]),
      divisions: principal.divisions === 'all' ? 'all' : Object.freeze([...principal.divisions]),
      teams: Object.freeze([...principal.teams]),
    });
    this.entries.set(token, { principal: frozen, until: Math.min(expiresAt, now + this.maxAgeMs) });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
