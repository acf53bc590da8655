import { join } from 'node:path';

export const asyncApiPath = join(__dirname, '..', 'asyncapi.yaml');
export const releasedPath = join(__dirname, '..', 'released');
/**
 * Version of the contracts; raise it when a contract is added, gains an optional property or a new version is
 * published, then run `npm run contracts:release` to keep the release as a file.
 */
export const contractsVersion = '1.10.0';
