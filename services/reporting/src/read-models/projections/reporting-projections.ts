import type { IntegrationEvent } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';
import { channelsProjection } from './channels.projection';
import { dealRegistrationsProjection } from './deal-registrations.projection';
import { leadFunnelProjection } from './lead-funnel.projection';
import { pipelineProjection } from './pipeline.projection';
import type { Projection } from './projection';
import { ReadModelSession } from './read-model-session';
import { liveTables, type ReadModelTables } from './read-model-tables';

/** Every projection of the reporting service, in the order an event is applied to them. */
export const reportingProjections: readonly Projection[] = [
  leadFunnelProjection,
  pipelineProjection,
  channelsProjection,
  dealRegistrationsProjection,
];

/** The event types the projections take. */
export const projectedTypes: readonly string[] = [
  ...new Set(reportingProjections.flatMap((projection) => [...projection.handlers.keys()])),
];

/**
 * Applies a batch of events to the projections writing to `tables`, inside `tx`: the rows they touch are read once,
 * changed in memory event by event, and written back once.
 */
export async function applyBatch(
  tx: EntityManager,
  tables: ReadModelTables,
  events: readonly IntegrationEvent[],
): Promise<void> {
  const session = await ReadModelSession.open(tx, tables, events);
  applyInMemory(session, events);
  await session.flush(tx);
}

/** Applies events to the live tables: what the live consumer does with each batch. */
export const applyLive = (tx: EntityManager, events: readonly IntegrationEvent[]): Promise<void> =>
  applyBatch(tx, liveTables, events);

/** Applies events to a session's rows, in order, through every projection that takes them. */
export function applyInMemory(session: ReadModelSession, events: readonly IntegrationEvent[]): void {
  for (const event of events) {
    for (const projection of reportingProjections) projection.handlers.get(event.type)?.(event, session);
  }
}
