import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allContracts, releaseOf, releaseText } from '../src';
import { contractsVersion, releasedPath } from './asyncapi-location';

/**
 * Keeps the current contracts as the release `contractsVersion`. A release is never rewritten: to change a
 * contract, raise the version first.
 */
const file = join(releasedPath, `${contractsVersion}.json`);
const text = releaseText(releaseOf(allContracts, contractsVersion));
if (existsSync(file) && readFileSync(file, 'utf8') !== text) {
  process.stderr.write(
    `Release ${contractsVersion} is kept already and differs from the contracts now: raise contractsVersion in ` +
      'libs/contracts/scripts/asyncapi-location.ts for a new release; a release is never rewritten.\n',
  );
  process.exit(1);
}
writeFileSync(file, text);
process.stdout.write(`Kept release ${contractsVersion} (${allContracts.length} messages) in libs/contracts/released\n`);
