import { ContractRegistry, type IntegrationEvent, leadsContracts } from '@salesos/contracts';
import { applyInMemory, projectedTypes } from './shared/projections-consumer';
import { rebuildTables } from './shared/read-model-tables';
import { ReadModelSession } from './shared/read-model-session';

/**
 * Feeds events to the reporting projections as the consumer would (checked against the contracts reporting reads,
 * then applied in memory, in order), and throws on the first one it cannot take: the compatibility check gives it
 * the examples of every release.
 */
export function projectInMemory(events: readonly IntegrationEvent[]): { applied: number } {
  const registry = new ContractRegistry(leadsContracts);
  const consumed = events.filter((event) => projectedTypes.includes(event.type));
  for (const event of consumed) {
    const valid = registry.validate(event.type, event.data);
    if (!valid.ok) throw new Error(`reporting refuses ${event.type}: ${valid.reason}`);
  }
  applyInMemory(ReadModelSession.overEmptyTables(rebuildTables), consumed);
  return { applied: consumed.length };
}
