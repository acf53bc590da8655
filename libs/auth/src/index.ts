export * from './token-verifier';
export * from './token-issuer';
export * from './signing-key';
export * from './auth.guard';
export * from './embedded-auth';
export * from './jwks-auth';
export * from './configured-verifier';
