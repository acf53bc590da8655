/** The demo users live with the embedded mode's tokens, which the dashboard's sign-in issues for them too. */
export { demoUser, demoUsers } from '@salesos/auth';
