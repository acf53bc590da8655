import type { ContractRegistry, IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';

/** Decides what of a domain event is published: none, one or several integration events (e.g. v1 and v2). */
export type IntegrationMapper = (event: RecordedEvent) => IntegrationEvent[];

/** What one stored event publishes, each event with its topic, or why it cannot be published. */
export type Publication = { events: Array<{ topic: string; event: IntegrationEvent }> } | { reason: string };

/**
 * A mapping that fails (the stored event is not what its type says) or an integration event that breaks its contract
 * publishes nothing of that stored event: the relay parks it, a history derived from the store leaves it out.
 */
export function publicationOf(event: RecordedEvent, map: IntegrationMapper, registry: ContractRegistry): Publication {
  let integrations: IntegrationEvent[];
  try {
    integrations = map(event);
  } catch (error) {
    return { reason: `it cannot be mapped: ${error instanceof Error ? error.message : String(error)}` };
  }
  const events: Array<{ topic: string; event: IntegrationEvent }> = [];
  for (const integration of integrations) {
    const contract = registry.find(integration.type);
    if (contract === undefined) return { reason: `no contract for '${integration.type}'` };
    const valid = registry.validate(integration.type, integration.data);
    if (!valid.ok) return { reason: valid.reason };
    events.push({ topic: contract.topic.name, event: integration });
  }
  return { events };
}
