import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The embedded mode's own token key: an ES256 key pair kept in the data folder. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Where the embedded mode keeps its signing key, under the data folder. */
export const signingKeyPath = (dataDir: string): string => join(dataDir, 'auth', 'signing-key.json');

/** A new key pair, in memory. */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { keyId: randomUUID(), privateKey, publicKey };
}

/**
 * The data folder's signing key, generated and written (readable by its owner only) on first use. Processes that
 * start together on a fresh folder agree on one key: each writes its own in full, then links it into place, and
 * whoever comes second reads the first one's.
 */
export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const path = signingKeyPath(dataDir);
  if (existsSync(path)) return readSigningKey(path);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = generateSigningKey();
  const draft = `${path}.${process.pid}.${randomUUID()}`;
  writeFileSync(draft, JSON.stringify({ keyId: key.keyId, jwk: key.privateKey.export({ format: 'jwk' }) }), {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    linkSync(draft, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readSigningKey(path);
  } finally {
    unlinkSync(draft);
  }
}

function readSigningKey(path: string): SigningKey {
  const stored = JSON.parse(readFileSync(path, 'utf8')) as { keyId: string; jwk: JsonWebKey };
  const privateKey = createPrivateKey({ key: stored.jwk, format: 'jwk' });
  return { keyId: stored.keyId, privateKey, publicKey: createPublicKey(privateKey) };
}
