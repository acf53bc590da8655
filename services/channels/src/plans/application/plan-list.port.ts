import type { Page } from '@salesos/http';
import type { Money } from '@salesos/kernel';

/** What a list of plans asks for: the division's, in the caller's reach, narrowed by the filters given. */
export interface PlanFilter {
  divisionId: string;
  /** The one dealer a dealer's user reaches; undefined for the organisation, who reach the whole division. */
  reach?: string;
  period?: string;
  dealerId?: string;
  /** The channel the dealer sells through. */
  channelId?: string;
}

/** One plan as a list shows it: the revision in force against the deals won so far. */
export interface PlanSummary {
  dealerId: string;
  companyName: string;
  channelId: string;
  period: string;
  revision: number;
  planValue: Money;
  actualValue: Money;
  /** actual ÷ plan value; null where the plan's value is zero. */
  valueAttainment: number | null;
  planUnits: number;
  actualUnits: number;
  unitAttainment: number | null;
  version: number;
}

/** The division's plans, filtered and paged in the database, by dealer then period. */
export abstract class PlanList {
  abstract find(filter: PlanFilter, offset: number, limit: number): Promise<Page<PlanSummary>>;
}
