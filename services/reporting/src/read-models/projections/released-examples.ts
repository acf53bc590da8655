import type { IntegrationEvent } from '@salesos/contracts';
import { consumedContracts } from '../application/consumed-contracts';
import { applyInMemory, projectedTypes } from './reporting-projections';
import { rebuildTables } from './read-model-tables';
import { ReadModelSession } from './read-model-session';

/**
 * Feeds events to the reporting projections as the consumer would (checked against the contracts reporting reads,
 * then applied in memory, in order), and throws on the first one it cannot take: the compatibility check gives it
 * the examples of every release.
 */
export function projectInMemory(events: readonly IntegrationEvent[]): { applied: number } {
  const registry = consumedContracts();
  const consumed = events.filter((event) => projectedTypes.includes(event.type));
  for (const event of consumed) {
    const valid = registry.validate(event.type, event.data);
    if (!valid.ok) throw new Error(`reporting refuses ${event.type}: ${valid.reason}`);
  }
  applyInMemory(ReadModelSession.overEmptyTables(rebuildTables), consumed);
  return { applied: consumed.length };
}
