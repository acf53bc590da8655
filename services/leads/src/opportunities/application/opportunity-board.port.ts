import type { Page, RowScope } from '@salesos/http';
import type { Opportunity } from '../domain/opportunity.decider';

export type OpportunityStatus = Opportunity['status'];

export type OpportunitySummary = Opportunity & { version: number };

export interface OpportunityFilter {
  divisionId: string;
  /** The deals the caller's roles reach in the division (their own, their team's, their dealer's); all without it. */
  scope?: RowScope;
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

/** The service's view of its pipeline: lists, exports and what a dealer's registration collides with. */
export abstract class OpportunityBoard {
  /** Matching opportunities by expected close date, soonest first. */
  abstract find(filter: OpportunityFilter, offset: number, limit: number): Promise<Page<OpportunitySummary>>;
  /** Open opportunities of the division for a company (by normalised account name). */
  abstract openOpportunitiesOfCompany(divisionId: string, companyName: string): Promise<string[]>;
  /** How many open deals of the division sit in each stage of a pipeline (stages without any are left out). */
  abstract openDealsByStage(divisionId: string, pipelineId: string): Promise<Record<string, number>>;
}
