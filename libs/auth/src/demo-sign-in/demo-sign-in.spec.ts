import { EmbeddedAuth } from '../embedded-auth';
import { generateSigningKey } from '../signing-key';
import { demoUsers } from '../demo-users';
import { DemoSignIn } from './demo-sign-in';
import { DemoSignInError, DemoSignInErrorCode } from './demo-sign-in.error';

const auth = new EmbeddedAuth(generateSigningKey());
const signIn = new DemoSignIn(auth, demoUsers);
const local = { remoteAddress: '127.0.0.1', forwarded: false };

function refusal(attempt: () => unknown): DemoSignInError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DemoSignInError) return error;
    throw error;
  }
  throw new Error('the demo sign-in did not refuse');
}

describe('the demo sign-in of the embedded mode', () => {
  it('issues a token the embedded verifier takes, with the demo user’s roles and reach, for 8 hours', async () => {
    const now = new Date();
    const { token, expiresAt } = signIn.issue('dealer-1-user', local, now);
    expect(expiresAt).toBe(new Date(now.getTime() + 8 * 3600 * 1000).toISOString());
    await expect(auth.verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({
      userId: 'dealer-1-user',
      roles: ['dealer'],
      divisions: ['machines'],
      dealerId: 'dealer-1',
    });
  });

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('answers a caller on this machine: %s', (address) => {
    expect(signIn.usersFor({ remoteAddress: address, forwarded: false })).toBe(demoUsers);
  });

  it.each([
    ['another machine', { remoteAddress: '10.1.2.3', forwarded: false }],
    ['another machine over IPv6', { remoteAddress: 'fe80::1', forwarded: false }],
    ['a proxy on this machine', { remoteAddress: '127.0.0.1', forwarded: true }],
    ['an unknown address', { remoteAddress: undefined, forwarded: false }],
  ])('refuses %s, listing and issuing alike', (_name, caller) => {
    expect(refusal(() => signIn.usersFor(caller)).code).toBe(DemoSignInErrorCode.NotLocal);
    expect(refusal(() => signIn.issue('director-1', caller)).code).toBe(DemoSignInErrorCode.NotLocal);
  });

  it('names the field when the user is not a demo user', () => {
    const error = refusal(() => signIn.issue('someone-else', local));
    expect(error).toMatchObject({ code: DemoSignInErrorCode.UnknownUser, field: 'userId' });
  });
});
