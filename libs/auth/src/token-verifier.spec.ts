import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthenticationError, KeysUnavailableError } from '@salesos/http';
import { EmbeddedAuth } from './embedded-auth';
import { jwksVerifier } from './jwks-auth';
import { generateSigningKey } from './signing-key';

const auth = new EmbeddedAuth(generateSigningKey());
const rep = { userId: 'rep-7', roles: ['rep'] as const, divisions: ['north'] };
const bearer = (token: string) => `Bearer ${token}`;

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthenticationError) return error.failure;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('token verifier', () => {
  it('reads the caller from a valid token: user, roles, divisions, teams, dealer', async () => {
    await expect(auth.verifier.verify(bearer(auth.issue({ ...rep, roles: ['rep'] })))).resolves.toEqual({
      userId: 'rep-7',
      roles: ['rep'],
      divisions: ['north'],
      teams: [],
    });
    const lead = auth.issue({ userId: 'lead-1', roles: ['team-lead'], divisions: ['north'], teams: ['team-a'] });
    expect((await auth.verifier.verify(bearer(lead))).teams).toEqual(['team-a']);
    const dealer = auth.issue({ userId: 'd-1', roles: ['dealer'], divisions: ['north'], dealerId: 'dealer-3' });
    expect((await auth.verifier.verify(bearer(dealer))).dealerId).toBe('dealer-3');
    const director = auth.issue({ userId: 'director-1', roles: ['sales-director'] });
    expect((await auth.verifier.verify(bearer(director))).divisions).toBe('all');
  });

  it.each(['bearer', 'BEARER', 'BeArEr', 'Bearer  '])(
    'takes the scheme in any case, as RFC 7235 says: %j',
    async (scheme) => {
      const token = auth.issue({ ...rep, roles: ['rep'] });
      await expect(auth.verifier.verify(`${scheme} ${token}`)).resolves.toMatchObject({ userId: 'rep-7' });
    },
  );

  it.each([
    ['no header', 'missing', undefined],
    ['a scheme glued to the token', 'malformed', `Bearer${auth.issue({ ...rep, roles: ['rep'] })}`],
    ['an empty header', 'missing', '  '],
    ['another scheme', 'malformed', 'Basic cmVwOnNlY3JldA=='],
    ['a token that is not a JWT', 'malformed', 'Bearer not-a-token'],
    ['a JWT whose header is not JSON', 'malformed', 'Bearer bm90IGpzb24.e30.c2ln'],
  ])('refuses %s as %s', async (_name, expected, header) => {
    expect(await failure(auth.verifier.verify(header))).toBe(expected);
  });

  it('refuses expired, early, foreign, misdirected and unsigned tokens, each with its reason', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    const expired = auth.issue({ ...rep, roles: ['rep'] }, { now: hourAgo, lifetimeSeconds: 600 });
    expect(await failure(auth.verifier.verify(bearer(expired)))).toBe('expired');
    const early = auth.issue({ ...rep, roles: ['rep'] }, { now: new Date(Date.now() + 3_600_000) });
    expect(await failure(auth.verifier.verify(bearer(early)))).toBe('not-yet-valid');
    const foreign = new EmbeddedAuth(generateSigningKey()).issue({ ...rep, roles: ['rep'] });
    expect(await failure(auth.verifier.verify(bearer(foreign)))).toBe('bad-signature');
    const otherAudience = auth.issue({ ...rep, roles: ['rep'] }, { audience: 'crm' });
    expect(await failure(auth.verifier.verify(bearer(otherAudience)))).toBe('wrong-audience');
    const otherIssuer = auth.issue({ ...rep, roles: ['rep'] }, { issuer: 'https://elsewhere.example' });
    expect(await failure(auth.verifier.verify(bearer(otherIssuer)))).toBe('wrong-issuer');
    const [, payload] = auth.issue({ ...rep, roles: ['rep'] }).split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload as string}.`;
    expect(await failure(auth.verifier.verify(bearer(unsigned)))).toBe('bad-signature');
  });

  it('allows clocks that disagree by less than the tolerance, and no more', async () => {
    const justExpired = auth.issue(
      { ...rep, roles: ['rep'] },
      { now: new Date(Date.now() - 630_000), lifetimeSeconds: 600 },
    );
    await expect(auth.verifier.verify(bearer(justExpired))).resolves.toMatchObject({ userId: 'rep-7' });
    const longExpired = auth.issue(
      { ...rep, roles: ['rep'] },
      { now: new Date(Date.now() - 700_000), lifetimeSeconds: 600 },
    );
    expect(await failure(auth.verifier.verify(bearer(longExpired)))).toBe('expired');
  });

  it.each([
    ['no roles', { userId: 'u-1', roles: [], divisions: ['north'] }],
    ['an unknown role', { userId: 'u-1', roles: ['wizard'], divisions: ['north'] }],
    ['a division-bound role without divisions', { userId: 'u-1', roles: ['rep'] }],
    ['a dealer role without its dealer', { userId: 'u-1', roles: ['dealer'], divisions: ['north'] }],
    ['a user id with spaces', { userId: 'rep 7', roles: ['rep'], divisions: ['north'] }],
  ])('refuses a token with %s as bad claims', async (_name, subject) => {
    const token = auth.issue(subject as never);
    expect(await failure(auth.verifier.verify(bearer(token)))).toBe('bad-claims');
  });
});

describe('identity provider tokens (JWKS)', () => {
  let server: Server;
  let jwksUrl: string;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let serving: 'keys' | 'nothing' | 'error' = 'keys';

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_request, response) => {
      if (serving === 'nothing') {
        response.destroy();
        return;
      }
      if (serving === 'error') {
        response.statusCode = 502;
        response.end('bad gateway');
        return;
      }
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const idpToken = (kid = 'idp-key-1') =>
    new SignJWT({ roles: ['analyst'], divisions: ['north'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('analyst-1')
      .setIssuer('https://idp.example.com/')
      .setAudience('salesos')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(keys.privateKey);

  it('accepts RS256 tokens signed with a key of the published set, and refuses unknown keys', async () => {
    const verifier = jwksVerifier({
      jwksUrl,
      issuer: 'https://idp.example.com/',
      audience: 'salesos',
      clockToleranceSeconds: 60,
    });
    await expect(verifier.verify(bearer(await idpToken()))).resolves.toMatchObject({
      userId: 'analyst-1',
      roles: ['analyst'],
    });
    expect(await failure(verifier.verify(bearer(await idpToken('rotated-away'))))).toBe('bad-signature');
  });

  it('answers that keys are unavailable when the identity provider cannot be reached', async () => {
    try {
      for (const failure of ['nothing', 'error'] as const) {
        serving = failure;
        const verifier = jwksVerifier({
          jwksUrl,
          issuer: 'https://idp.example.com/',
          audience: 'salesos',
          clockToleranceSeconds: 60,
        });
        await expect(verifier.verify(bearer(await idpToken()))).rejects.toBeInstanceOf(KeysUnavailableError);
      }
    } finally {
      serving = 'keys';
    }
  });
});
