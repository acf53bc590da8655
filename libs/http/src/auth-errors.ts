/** Why a request could not be authenticated; the 401 answer names it and nothing else. */
export type AuthenticationFailure =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-claims';

const failureDetails: Record<AuthenticationFailure, string> = {
  missing: 'The request carries no bearer token: send Authorization: Bearer <token>',
  malformed: 'The bearer token is not a well-formed signed JWT',
  expired: 'The bearer token has expired',
  'not-yet-valid': 'The bearer token is not valid yet',
  'bad-signature': 'The bearer token is not signed by a trusted key',
  'wrong-issuer': 'The bearer token was issued by another identity provider',
  'wrong-audience': 'The bearer token is meant for another audience',
  'bad-claims': 'The bearer token lacks the user, roles or divisions SalesOS needs',
};

/** A request without a valid bearer token (401). */
export class AuthenticationError extends Error {
  constructor(readonly failure: AuthenticationFailure) {
    super(failureDetails[failure]);
    this.name = 'AuthenticationError';
  }
}

/** The identity provider's keys could not be fetched, so no token can be checked now (503). */
export class KeysUnavailableError extends Error {
  constructor() {
    super('The keys of the identity provider cannot be fetched now; try again shortly');
    this.name = 'KeysUnavailableError';
  }
}

/** An authenticated caller whose roles or scope do not allow the request (403). */
export class AccessDeniedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'AccessDeniedError';
  }
}
