import { AuthenticationError } from '@salesos/http';
import { embeddedAudience, embeddedIssuer, EmbeddedAuth } from './embedded-auth';
import { generateSigningKey } from './signing-key';
import { TokenVerifier } from './token-verifier';

const key = generateSigningKey();
const auth = new EmbeddedAuth(key);
const start = Date.parse('2026-11-27T09:00:00.000Z');
const rep = { userId: 'rep-7', roles: ['rep' as const], divisions: ['north'] };

/** A verifier on a movable clock that counts how often it really checks a signature (once per key lookup). */
function countingVerifier(remember = { tokens: 2, maxAgeMs: 60_000 }) {
  const clock = { now: start, checks: 0 };
  const verifier = new TokenVerifier({
    keys: () => {
      clock.checks += 1;
      return Promise.resolve(key.publicKey);
    },
    issuer: embeddedIssuer,
    audience: embeddedAudience,
    clockToleranceSeconds: 30,
    algorithms: ['ES256'],
    remember,
    now: () => clock.now,
  });
  return { verifier, clock };
}
const issued = (userId: string, lifetimeSeconds = 600) =>
  `Bearer ${auth.issue({ ...rep, userId }, { now: new Date(start), lifetimeSeconds })}`;

describe('remembering verified tokens', () => {
  it('checks a token’s signature once while it is remembered, and again once the memory has aged out', async () => {
    const { verifier, clock } = countingVerifier();
    const token = issued('rep-7');
    expect((await verifier.verify(token)).userId).toBe('rep-7');
    const remembered = await verifier.verify(token);
    expect(remembered.userId).toBe('rep-7');
    expect(clock.checks).toBe(1);
    // Shared by every request with this token, so nobody can change it for the next one.
    expect(Object.isFrozen(remembered) && Object.isFrozen(remembered.roles)).toBe(true);
    clock.now = start + 60_000;
    await verifier.verify(token);
    expect(clock.checks).toBe(2);
  });

  it('never answers for a token past its expiry and clock allowance, however recently it was checked', async () => {
    const { verifier, clock } = countingVerifier({ tokens: 10, maxAgeMs: 3_600_000 });
    const token = issued('rep-7', 120);
    await verifier.verify(token);
    clock.now = start + 120_000 + 29_000;
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'rep-7' });
    clock.now = start + 120_000 + 30_000;
    await expect(verifier.verify(token)).rejects.toEqual(new AuthenticationError('expired'));
  });

  it('remembers only tokens that passed, and at most as many as configured', async () => {
    const { verifier, clock } = countingVerifier();
    const forged = issued('rep-7').slice(0, -4) + 'AAAA';
    await expect(verifier.verify(forged)).rejects.toEqual(new AuthenticationError('bad-signature'));
    await expect(verifier.verify(forged)).rejects.toEqual(new AuthenticationError('bad-signature'));
    expect(clock.checks).toBe(2);

    const [first, second, third] = [issued('rep-1'), issued('rep-2'), issued('rep-3')];
    for (const token of [first, second, third]) await verifier.verify(token);
    expect(clock.checks).toBe(5);
    await verifier.verify(third);
    await verifier.verify(second);
    expect(clock.checks).toBe(5);
    // Two are kept: the first, least recently used, was let go.
    await verifier.verify(first);
    expect(clock.checks).toBe(6);
  });

  it('can be told to remember nothing', async () => {
    const { verifier, clock } = countingVerifier({ tokens: 0, maxAgeMs: 60_000 });
    const token = issued('rep-7');
    await verifier.verify(token);
    await verifier.verify(token);
    expect(clock.checks).toBe(2);
  });
});
