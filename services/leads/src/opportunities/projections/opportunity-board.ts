import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@salesos/event-store';
import type { Page } from '@salesos/http';
import { ServiceViews, type StreamView } from '../../core/views-feeder';
import { normalizeCompanyName } from '../../core/domain/company-name';
import {
  OpportunityBoard,
  type OpportunityFilter,
  type OpportunitySummary,
} from '../application/opportunity-board.port';
import { opportunityOwnership } from '../application/opportunity-streams';
import { type Opportunity, opportunityDecider } from '../domain/opportunity.decider';
import type { OpportunityEvent } from '../domain/opportunity.events';

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
@Injectable()
export class InMemoryOpportunityBoard extends OpportunityBoard implements StreamView {
  readonly categories = ['opportunity'];
  private readonly opportunities = new Map<string, OpportunitySummary>();
  private readonly byDivision = new Map<string, Set<string>>();

  constructor(views: ServiceViews) {
    super();
    views.register(this);
  }

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

  find(filter: OpportunityFilter, offset: number, limit: number): Promise<Page<OpportunitySummary>> {
    const matching = this.inDivision(filter.divisionId)
      .filter((opportunity) => matches(opportunity, filter))
      .sort((a, b) =>
        a.expectedCloseDate === b.expectedCloseDate
          ? a.opportunityId.localeCompare(b.opportunityId)
          : a.expectedCloseDate.localeCompare(b.expectedCloseDate),
      );
    return Promise.resolve({ items: matching.slice(offset, offset + limit), total: matching.length });
  }

  openOpportunitiesOfCompany(divisionId: string, companyName: string): Promise<string[]> {
    const company = normalizeCompanyName(companyName);
    return Promise.resolve(
      this.inDivision(divisionId)
        .filter((deal) => deal.status === 'open' && normalizeCompanyName(deal.accountName) === company)
        .map((deal) => deal.opportunityId)
        .sort(),
    );
  }

  private inDivision(divisionId: string): OpportunitySummary[] {
    return [...(this.byDivision.get(divisionId) ?? [])].map((id) => this.opportunities.get(id) as OpportunitySummary);
  }
}
