import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allContracts, buildAsyncApiDocument } from '../src';
import { asyncApiPath, contractsVersion } from './asyncapi-location';

writeFileSync(asyncApiPath, buildAsyncApiDocument(allContracts, contractsVersion));
process.stdout.write(`Wrote ${join('libs', 'contracts', 'asyncapi.yaml')} (${allContracts.length} messages)\n`);
