export { type DemoCaller, DemoSignIn } from './demo-sign-in';
export { DemoSignInError, DemoSignInErrorCode, demoSignInProblems } from './demo-sign-in.error';
export { DemoSignInModule } from './demo-sign-in.module';
