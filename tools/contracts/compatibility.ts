import {
  type ContractsRelease,
  type IntegrationEvent,
  type IntegrationEventContract,
  releaseOf,
  releaseText,
  schemaCheck,
} from '@salesos/contracts';

/** The current contracts are kept as the release of the current version: a changed contract needs a new version. */
export function currentIsReleased(
  kept: readonly ContractsRelease[],
  contracts: readonly IntegrationEventContract[],
  version: string,
): string[] {
  const current = kept.find((release) => release.contractsVersion === version);
  if (current === undefined) return [`contracts ${version} are not kept as a release: run npm run contracts:release`];
  if (releaseText(current) !== releaseText(releaseOf(contracts, version))) {
    return [
      `the contracts differ from their release ${version}: a change needs a new version (raise contractsVersion in ` +
        'libs/contracts/scripts/asyncapi-location.ts, then npm run contracts:release)',
    ];
  }
  return [];
}

/** Every contract a producer publishes has a sample of what it emits today, so none escapes the check. */
export function samplesCoverContracts(
  samples: readonly IntegrationEvent[],
  contracts: readonly IntegrationEventContract[],
  service: string,
): string[] {
  const sampled = new Set(samples.map((sample) => sample.type));
  return contracts
    .filter((contract) => contract.service === service && !sampled.has(contract.type))
    .map((contract) => `the ${service} service has no sample of ${contract.type}`);
}

/**
 * What producers emit today against every released schema of the same type: the type names the message version, and
 * a consumer that validates with any release of that version must accept it.
 */
export function producersKeepReleases(
  kept: readonly ContractsRelease[],
  samples: readonly IntegrationEvent[],
): string[] {
  const problems: string[] = [];
  for (const release of kept) {
    for (const message of release.messages) {
      const check = schemaCheck(message.schema, `${message.type} as released in ${release.contractsVersion}`);
      for (const sample of samples.filter((candidate) => candidate.type === message.type)) {
        const result = check(sample.data);
        if (!result.ok)
          problems.push(`a producer emits what release ${release.contractsVersion} refuses: ${result.reason}`);
      }
    }
  }
  return problems;
}

/** A release's examples as the integration events a consumer would receive, in the release's order. */
export function releasedEvents(release: ContractsRelease): IntegrationEvent[] {
  return release.messages.map((message, index) => ({
    id: `released-${release.contractsVersion}-${index}`,
    type: message.type,
    source: `/salesos/${message.type.split('.')[1] ?? ''}`,
    subject: String(message.example[message.subjectField]),
    time: '2026-01-01T00:00:00.000Z',
    data: message.example,
  }));
}

/** A consumer of today: takes a release's events in order, and throws on the first it cannot take. */
export interface Consumer {
  name: string;
  take(events: readonly IntegrationEvent[]): unknown;
}

/** The examples of every release still pass today's consumers. */
export function consumersTakeReleases(kept: readonly ContractsRelease[], consumers: readonly Consumer[]): string[] {
  const problems: string[] = [];
  for (const release of kept) {
    for (const consumer of consumers) {
      try {
        consumer.take(releasedEvents(release));
      } catch (error) {
        problems.push(
          `${consumer.name} refuses an example of release ${release.contractsVersion}: ${(error as Error).message}`,
        );
      }
    }
  }
  return problems;
}
