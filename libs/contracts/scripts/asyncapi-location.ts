import { join } from 'node:path';

export const asyncApiPath = join(__dirname, '..', 'asyncapi.yaml');
/** Version of the contract document; raise it when a contract is added or a new version published. */
export const contractsVersion = '1.3.0';
