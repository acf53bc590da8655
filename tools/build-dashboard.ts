/**
 * Builds the reporting service's dashboard into services/reporting/dashboard/dist (`npm run build:dashboard`): the
 * same build `npm start` and the reporting service make on start when the sources changed. Fails, naming the
 * reason, when the build does.
 */
import { prepareDashboard } from '../services/reporting/src';

async function main(): Promise<void> {
  const started = Date.now();
  const bundle = await prepareDashboard(undefined, { force: process.argv.includes('--force') });
  if (bundle.unavailable !== undefined) {
    process.stderr.write(`The dashboard did not build: ${bundle.unavailable}\n`);
    process.exit(1);
  }
  const sizes = [...bundle.files].map(
    ([name, file]) =>
      `${name} ${(file.body.length / 1024).toFixed(1)} kB (${(file.gzipped.length / 1024).toFixed(1)} kB gzipped)`,
  );
  process.stdout.write(`Dashboard ready in ${Date.now() - started} ms: ${sizes.join(', ')}\n`);
}

void main();
