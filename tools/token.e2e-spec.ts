import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedAuth, signingKeyPath } from '@salesos/auth';

jest.setTimeout(60_000);

const root = join(__dirname, '..');

function token(dataDir: string, ...args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(root, 'tools', 'token.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, SALESOS_DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
}

describe('npm run token', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'salesos-token-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('issues a token for a demo user with the data folder’s key, made on first use and kept private', async () => {
    const issued = token(dataDir, '--user', 'lead-machines-field');
    expect(issued.status).toBe(0);
    expect(statSync(signingKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    const principal = await EmbeddedAuth.ofDataDir(dataDir).verifier.verify(`Bearer ${issued.stdout.trim()}`);
    expect(principal).toEqual({
      userId: 'lead-machines-field',
      roles: ['team-lead'],
      divisions: ['machines'],
      teams: ['machines-field'],
    });
  });

  it('lists the demo users without --user, and refuses an unknown user or a bad lifetime', () => {
    const listed = token(dataDir);
    expect(listed.status).toBe(0);
    expect(listed.stderr).toContain('director-1');
    expect(listed.stderr).toContain('dealer-1-user');
    const unknown = token(dataDir, '--user', 'nobody');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown user 'nobody'");
    const forever = token(dataDir, '--user', 'director-1', '--hours', 'forever');
    expect(forever.status).toBe(2);
    expect(forever.stderr).toContain('--hours must be a number');
  });
});
