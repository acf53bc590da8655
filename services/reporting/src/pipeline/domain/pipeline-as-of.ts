import type { OpportunityFacts } from './opportunity-facts';

export interface HistoryFacts {
  opportunityId: string;
  kind: 'opened' | 'stage-changed' | 'forecast-revised' | 'won' | 'lost' | 'reopened';
  effectiveAt: string;
  recordedAt: string;
  stageId: string | null;
  probability: number | null;
  amount: number | null;
  currency: string | null;
  expectedCloseDate: string | null;
}

/**
 * `known`: what was true at the instant, as the system knows it now (business time, later corrections included).
 * `believed`: what the system held true at the instant (only what had been recorded by then).
 */
export type AsOfBasis = 'known' | 'believed';

/**
 * The opportunities open at an instant, with the stage and forecast they had then. Each one's history is replayed in
 * business-time order up to the instant; with `believed`, entries recorded after it are left out.
 */
export function pipelineAsOf(
  current: ReadonlyMap<string, OpportunityFacts>,
  history: readonly HistoryFacts[],
  instant: string,
  basis: AsOfBasis,
): OpportunityFacts[] {
  const at = Date.parse(instant);
  const counted = history
    .filter((entry) => Date.parse(entry.effectiveAt) <= at && (basis === 'known' || Date.parse(entry.recordedAt) <= at))
    .sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt) || a.recordedAt.localeCompare(b.recordedAt));
  const states = new Map<string, OpportunityFacts>();
  for (const entry of counted) {
    const base = states.get(entry.opportunityId) ?? current.get(entry.opportunityId);
    if (base === undefined) continue;
    const state: OpportunityFacts = { ...base };
    if (entry.stageId !== null) state.stageId = entry.stageId;
    if (entry.probability !== null) state.probability = entry.probability;
    if (entry.amount !== null) state.amount = entry.amount;
    if (entry.currency !== null) state.currency = entry.currency;
    if (entry.expectedCloseDate !== null) state.expectedCloseDate = entry.expectedCloseDate;
    if (entry.kind === 'won' || entry.kind === 'lost') state.status = entry.kind;
    if (entry.kind === 'opened' || entry.kind === 'reopened') state.status = 'open';
    states.set(entry.opportunityId, state);
  }
  return [...states.values()].filter((state) => state.status === 'open');
}
