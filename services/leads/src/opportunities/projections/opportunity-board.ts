import type { RecordOwnership } from '@salesos/http';
import type { RecordedEvent } from '@salesos/event-store';
import type { Page } from '@salesos/http';
import { type Opportunity, opportunityDecider } from '../domain/opportunity.decider';
import type { OpportunityEvent } from '../domain/opportunity.events';

export type OpportunityStatus = Opportunity['status'];

export type OpportunitySummary = Opportunity & { version: number };

export interface OpportunityFilter {
  divisionId: string;
  /** The deals the caller's roles reach in the division (their own, their dealer's); all without it. */
  reached?: (deal: RecordOwnership) => boolean;
  status?: OpportunityStatus;
  pipelineId?: string;
  stageId?: string;
  ownerRepId?: string;
  channel?: 'direct' | 'dealer';
  dealerId?: string;
  /** Expected close date on or after this day (YYYY-MM-DD). */
  closingFrom?: string;
  /** Expected close date on or before this day (YYYY-MM-DD). */
  closingTo?: string;
}

/** Whose a deal is, for the caller's reach: its owner, its lead's team, and its dealer when a dealer brought it. */
export function opportunityOwnership(opportunity: Opportunity): RecordOwnership {
  const { channel } = opportunity;
  return {
    divisionId: opportunity.divisionId,
    ownerRepId: opportunity.ownerRepId ?? null,
    teamId: opportunity.teamId ?? null,
    dealerId: channel.kind === 'dealer' ? channel.dealerId : null,
  };
}

function matches(opportunity: Opportunity, filter: OpportunityFilter): boolean {
  const { channel } = opportunity;
  return (
    (filter.reached === undefined || filter.reached(opportunityOwnership(opportunity))) &&
    (filter.status === undefined || opportunity.status === filter.status) &&
    (filter.pipelineId === undefined || opportunity.pipelineId === filter.pipelineId) &&
    (filter.stageId === undefined || opportunity.stageId === filter.stageId) &&
    (filter.ownerRepId === undefined || opportunity.ownerRepId === filter.ownerRepId) &&
    (filter.channel === undefined || channel.kind === filter.channel) &&
    (filter.dealerId === undefined || (channel.kind === 'dealer' && channel.dealerId === filter.dealerId)) &&
    (filter.closingFrom === undefined || opportunity.expectedCloseDate.slice(0, 10) >= filter.closingFrom) &&
    (filter.closingTo === undefined || opportunity.expectedCloseDate.slice(0, 10) <= filter.closingTo)
  );
}

/**
 * The pipeline as the service's own view: every opportunity of a division with its stage, forecast and channel,
 * folded with the decider's own `evolve` so the view and the aggregate cannot disagree. Applying an event twice,
 * or an older one, changes nothing.
 */
export class OpportunityBoard {
  private readonly opportunities = new Map<string, OpportunitySummary>();
  private readonly byDivision = new Map<string, Set<string>>();

  apply(event: RecordedEvent): void {
    if (!event.metadata.streamId.startsWith('opportunity-')) return;
    const opportunityEvent = event as unknown as OpportunityEvent;
    const id = opportunityEvent.data.opportunityId;
    const current = this.opportunities.get(id);
    const version = event.metadata.streamVersion;
    if (current !== undefined ? version <= current.version : opportunityEvent.type !== 'OpportunityOpened') return;
    const next = opportunityDecider.evolve(current ?? opportunityDecider.initialState(), opportunityEvent);
    if (next.status === 'none') return;
    this.opportunities.set(id, { ...next, version });
    const members = this.byDivision.get(next.divisionId) ?? new Set<string>();
    members.add(id);
    this.byDivision.set(next.divisionId, members);
  }

  /** Matching opportunities by expected close date, soonest first. */
  find(filter: OpportunityFilter, offset: number, limit: number): Page<OpportunitySummary> {
    const matching = [...(this.byDivision.get(filter.divisionId) ?? [])]
      .map((id) => this.opportunities.get(id) as OpportunitySummary)
      .filter((opportunity) => matches(opportunity, filter))
      .sort((a, b) =>
        a.expectedCloseDate === b.expectedCloseDate
          ? a.opportunityId.localeCompare(b.opportunityId)
          : a.expectedCloseDate.localeCompare(b.expectedCloseDate),
      );
    return { items: matching.slice(offset, offset + limit), total: matching.length };
  }
}
