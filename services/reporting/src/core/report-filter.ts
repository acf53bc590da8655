import type { RowScope } from '@salesos/http';

/** What every report can be narrowed to; the division and the rows reached in it are the caller's, never free filters. */
export interface ReportFilter {
  divisionId: string;
  /** The rows the caller's roles reach in the division: all, a team's and their own, their own, their dealer's. */
  scope: RowScope;
  pipelineId?: string;
  ownerRepId?: string;
  /** The team leads were routed to by the assignment rules, and their deals with them. */
  teamId?: string;
  channel?: 'direct' | 'dealer';
  dealerId?: string;
  source?: string;
  segmentId?: string;
  productId?: string;
  /** Inclusive start of the period, ISO-8601. */
  from?: string;
  /** Exclusive end of the period, ISO-8601. */
  to?: string;
}
