import type { EmbeddedAuth } from '../embedded-auth';
import type { TokenSubject } from '../token-issuer';
import { DemoSignInError, DemoSignInErrorCode } from './demo-sign-in.error';

/** Who asks for a demo token: the address the connection came from, and whether a proxy passed it on. */
export interface DemoCaller {
  remoteAddress: string | undefined;
  forwarded: boolean;
}

/** The loopback addresses, IPv4 (also mapped into IPv6) and IPv6. */
const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Tokens for the demo users, signed with the embedded mode's key, for callers on the machine the platform runs on.
 * The embedded mode is a single machine's platform; a browser elsewhere on the network, or one reaching it through a
 * proxy, gets no admin's token for the asking, and pastes one instead.
 */
export class DemoSignIn {
  constructor(
    private readonly auth: EmbeddedAuth,
    readonly users: readonly TokenSubject[],
    private readonly lifetimeSeconds = 8 * 60 * 60,
  ) {}

  /** The demo users, for a caller allowed to sign in as them. */
  usersFor(caller: DemoCaller): readonly TokenSubject[] {
    this.requireLocal(caller);
    return this.users;
  }

  issue(userId: string, caller: DemoCaller, now = new Date()): { token: string; expiresAt: string } {
    this.requireLocal(caller);
    const user = this.users.find((candidate) => candidate.userId === userId);
    if (user === undefined) {
      throw new DemoSignInError(DemoSignInErrorCode.UnknownUser, `is not a demo user: ${userId}`, 'userId');
    }
    const token = this.auth.issue(user, { lifetimeSeconds: this.lifetimeSeconds, now });
    return { token, expiresAt: new Date(now.getTime() + this.lifetimeSeconds * 1000).toISOString() };
  }

  private requireLocal(caller: DemoCaller): void {
    if (caller.forwarded || caller.remoteAddress === undefined || !loopback.test(caller.remoteAddress)) {
      throw new DemoSignInError(
        DemoSignInErrorCode.NotLocal,
        'Demo users sign in only from the machine the platform runs on; paste a bearer token instead',
      );
    }
  }
}
