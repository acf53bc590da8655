import { type IssueOptions, issueToken, type TokenSubject } from './token-issuer';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key';
import { TokenVerifier } from './token-verifier';

/** Issuer and audience of the embedded mode's own tokens. */
export const embeddedIssuer = 'salesos-embedded';
export const embeddedAudience = 'salesos';

/** The embedded mode's tokens: signed and checked with the data folder's key. */
export class EmbeddedAuth {
  readonly verifier: TokenVerifier;

  constructor(private readonly key: SigningKey) {
    this.verifier = new TokenVerifier({
      keys: key.publicKey,
      issuer: embeddedIssuer,
      audience: embeddedAudience,
      clockToleranceSeconds: 60,
      algorithms: ['ES256'],
    });
  }

  static ofDataDir(dataDir: string): EmbeddedAuth {
    return new EmbeddedAuth(loadOrCreateSigningKey(dataDir));
  }

  issue(subject: TokenSubject, options: Partial<IssueOptions> = {}): string {
    return issueToken(this.key, subject, {
      issuer: embeddedIssuer,
      audience: embeddedAudience,
      lifetimeSeconds: 8 * 60 * 60,
      ...options,
    });
  }
}
