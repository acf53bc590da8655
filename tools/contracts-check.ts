import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allContracts, compareVersions, type ContractsRelease } from '@salesos/contracts';
import { contractsVersion, releasedPath } from '../libs/contracts/scripts/asyncapi-location';
import { channelsContractSamples } from '../services/channels/src';
import { contractsAwaitingTheirProducer, staffingContractSamples } from '../services/staffing/src';
import { leadsContractSamples, takeConsumedEvents } from '../services/leads/src';
import { projectInMemory } from '../services/reporting/src';
import {
  consumersTakeReleases,
  currentIsReleased,
  producersKeepReleases,
  samplesCoverContracts,
} from './contracts/compatibility';

/**
 * `npm run contracts:check` (run by npm test): a downstream consumer built against any kept release keeps working,
 * and today's consumers still take what any kept release allowed.
 */
function keptReleases(): ContractsRelease[] {
  return readdirSync(releasedPath)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(releasedPath, file), 'utf8')) as ContractsRelease)
    .sort((a, b) => compareVersions(a.contractsVersion, b.contractsVersion));
}

const kept = keptReleases();
const leadsSamples = leadsContractSamples();
const channelsSamples = channelsContractSamples();
const staffingSamples = staffingContractSamples();
const samples = [...leadsSamples, ...channelsSamples, ...staffingSamples];
// A contract defined ahead of the feature that will emit it has no producer to make its sample yet.
const producedContracts = allContracts.filter((contract) => !contractsAwaitingTheirProducer.includes(contract.type));
const problems = [
  ...currentIsReleased(kept, allContracts, contractsVersion),
  ...samplesCoverContracts(leadsSamples, allContracts, 'leads'),
  ...samplesCoverContracts(channelsSamples, allContracts, 'channels'),
  ...samplesCoverContracts(staffingSamples, producedContracts, 'staffing'),
  ...producersKeepReleases(kept, samples),
  ...consumersTakeReleases(kept, [
    { name: 'reporting', take: projectInMemory },
    { name: 'leads', take: takeConsumedEvents },
  ]),
];
if (problems.length > 0) {
  process.stderr.write(`Contracts check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(
  `Contracts check: releases ${kept.map((release) => release.contractsVersion).join(', ')}; the ${samples.length} ` +
    "events the producers emit today validate against each; every released example passes today's consumers.\n",
);
