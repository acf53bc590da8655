import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedAuth, type TokenSubject } from '@salesos/auth';

/**
 * The bench's callers: tokens signed with an embedded key in a folder of the run's own, which services started
 * by the bench are pointed at (SALESOS_DATA_DIR), as a newcomer's platform checks its own tokens.
 */
const inherited = process.env.SALESOS_BENCH_KEY_DIR;
/** Load generators in child processes get the folder through SALESOS_BENCH_KEY_DIR. */
export const benchKeyDir = inherited ?? mkdtempSync(join(tmpdir(), 'salesos-bench-auth-'));
if (inherited === undefined) process.once('exit', () => rmSync(benchKeyDir, { recursive: true, force: true }));

export const benchAuth = EmbeddedAuth.ofDataDir(benchKeyDir);

const tokens = new Map<string, string>();

/** The Authorization header of a caller, issued once per caller and run. */
export function benchBearer(subject: TokenSubject): Record<string, string> {
  const key = JSON.stringify(subject);
  let token = tokens.get(key);
  if (token === undefined) {
    token = benchAuth.issue(subject, { lifetimeSeconds: 24 * 3600 });
    tokens.set(key, token);
  }
  return { authorization: `Bearer ${token}` };
}

/** The demo company's sales director, looking at one division. */
export const directorOf = (divisionId: string): Record<string, string> => ({
  ...benchBearer({ userId: 'director-1', roles: ['sales-director'] }),
  'x-division-id': divisionId,
});
