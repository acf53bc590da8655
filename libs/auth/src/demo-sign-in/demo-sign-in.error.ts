import { codedProblems } from '@salesos/http';

export enum DemoSignInErrorCode {
  /** The caller is not on the machine the platform runs on, or came through a proxy. */
  NotLocal = 'DEMO_SIGN_IN_LOCAL_ONLY',
  UnknownUser = 'DEMO_USER_UNKNOWN',
}

/** Why the embedded mode's demo sign-in refused to issue a token. */
export class DemoSignInError extends Error {
  constructor(
    readonly code: DemoSignInErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The one mapping of the demo sign-in's refusals to HTTP. */
export const demoSignInProblems = codedProblems(DemoSignInError, {
  [DemoSignInErrorCode.NotLocal]: { title: 'Demo sign-in is for this machine only', status: 403 },
  [DemoSignInErrorCode.UnknownUser]: { title: 'No such demo user', status: 404 },
});
