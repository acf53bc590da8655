import type { RecordedEvent } from '@salesos/event-store';
import { normalizeCompanyName } from '../../leads/domain/duplicate-detection';
import type { LeadEvent } from '../../leads/domain/lead.events';
import type { OpportunityEvent } from '../../opportunities/domain/opportunity.events';

interface Account {
  divisionId: string;
  company: string;
  open: boolean;
  /** Last stream version applied: events can arrive twice (command path and feed), only newer ones count. */
  version: number;
}

const closingLeadEvents = new Set(['LeadDisqualified', 'LeadConverted', 'LeadMerged']);
const reopeningLeadEvents = new Set(['LeadNurtured', 'LeadQualified']);

/** Open leads and opportunities per division and normalised company name: what a dealer registration collides with. */
export class OpenAccounts {
  private readonly leads = new Map<string, Account>();
  private readonly opportunities = new Map<string, Account>();

  apply(event: RecordedEvent): void {
    const version = event.metadata.streamVersion;
    if (event.metadata.streamId.startsWith('lead-')) this.applyLead(event as unknown as LeadEvent, version);
    else if (event.metadata.streamId.startsWith('opportunity-')) {
      this.applyOpportunity(event as unknown as OpportunityEvent, version);
    }
  }

  private applyLead(event: LeadEvent, version: number): void {
    if (event.type === 'LeadCaptured') {
      if (this.leads.has(event.data.leadId)) return;
      const company = normalizeCompanyName(event.data.company.name);
      this.leads.set(event.data.leadId, { divisionId: event.data.divisionId, company, open: true, version });
      return;
    }
    const lead = this.leads.get(event.data.leadId);
    if (lead === undefined || version <= lead.version) return;
    lead.version = version;
    if (closingLeadEvents.has(event.type)) lead.open = false;
    if (reopeningLeadEvents.has(event.type)) lead.open = true;
  }

  private applyOpportunity(event: OpportunityEvent, version: number): void {
    if (event.type === 'OpportunityOpened') {
      if (this.opportunities.has(event.data.opportunityId)) return;
      const company = normalizeCompanyName(event.data.accountName);
      this.opportunities.set(event.data.opportunityId, {
        divisionId: event.data.divisionId,
        company,
        open: true,
        version,
      });
      return;
    }
    const opportunity = this.opportunities.get(event.data.opportunityId);
    if (opportunity === undefined || version <= opportunity.version) return;
    opportunity.version = version;
    if (event.type === 'OpportunityWon' || event.type === 'OpportunityLost') opportunity.open = false;
    if (event.type === 'OpportunityReopened') opportunity.open = true;
  }

  openFor(divisionId: string, companyName: string): { leadIds: string[]; opportunityIds: string[] } {
    const company = normalizeCompanyName(companyName);
    const matching = (entries: Map<string, Account>): string[] =>
      [...entries.entries()]
        .filter(([, entry]) => entry.open && entry.divisionId === divisionId && entry.company === company)
        .map(([entryId]) => entryId)
        .sort();
    return { leadIds: matching(this.leads), opportunityIds: matching(this.opportunities) };
  }
}
