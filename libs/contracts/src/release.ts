import type { IntegrationEventContract, JsonSchema } from './integration-event';

/** One message as a release of the contracts published it. */
export interface ReleasedMessage {
  type: string;
  topic: string;
  subjectField: string;
  schema: JsonSchema;
  example: Record<string, unknown>;
}

/**
 * A release of the contracts, kept as a file in `libs/contracts/released/`: what consumers may have built against.
 * Producers must keep emitting events that validate against every release of the same message version, and consumers
 * must keep accepting every released example.
 */
export interface ContractsRelease {
  contractsVersion: string;
  messages: ReleasedMessage[];
}

/** A schema or example as plain JSON: the definitions' own markers (symbol keys) left out. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function releaseOf(contracts: readonly IntegrationEventContract[], contractsVersion: string): ContractsRelease {
  return {
    contractsVersion,
    messages: contracts.map((contract) => ({
      type: contract.type,
      topic: contract.topic.name,
      subjectField: contract.subjectField,
      schema: plain(contract.schema),
      example: plain(contract.example),
    })),
  };
}

/** The file content of a release: stable, so that a release written twice is the same file. */
export function releaseText(release: ContractsRelease): string {
  return `${JSON.stringify(release, null, 2)}\n`;
}

/** Orders versions like `1.10.0` after `1.9.0`. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(x.length, y.length); index += 1) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
