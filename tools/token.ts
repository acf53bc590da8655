/**
 * Issues a bearer token for a demo user with the embedded mode's signing key (in the data folder, created on first
 * use): `npm run token -- --user director-1`. Without --user it lists the demo users.
 */
import { parseArgs } from 'node:util';
import { EmbeddedAuth } from '@salesos/auth';
import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { demoUser, demoUsers } from './demo/demo-users';

function main(): void {
  const config = loadPlatformConfig();
  const { values } = parseArgs({
    options: { user: { type: 'string' }, hours: { type: 'string', default: '8' } },
    allowPositionals: false,
  });
  if (config.auth.kind !== 'embedded') {
    process.stderr.write('SALESOS_AUTH=jwks: tokens come from your identity provider, not from this command.\n');
    process.exit(2);
  }
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
    process.stderr.write(`--hours must be a number of hours from 0 to 720, got '${values.hours}'\n`);
    process.exit(2);
  }
  const subject = values.user === undefined ? undefined : demoUser(values.user);
  if (subject === undefined) {
    const list = demoUsers.map(
      (user) =>
        `  ${user.userId.padEnd(22)} ${user.roles.join(',')}${user.divisions ? ` in ${user.divisions.join(', ')}` : ' in every division'}`,
    );
    process.stderr.write(
      `${values.user === undefined ? 'Name a user' : `Unknown user '${values.user}'`}: npm run token -- --user <id>\n${list.join('\n')}\n`,
    );
    process.exit(values.user === undefined ? 0 : 2);
  }
  const token = EmbeddedAuth.ofDataDir(config.dataDir).issue(subject, { lifetimeSeconds: Math.round(hours * 3600) });
  process.stdout.write(`${token}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
