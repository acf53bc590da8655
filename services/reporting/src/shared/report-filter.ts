/** What every report can be narrowed to; the division is the caller's, never a free filter. */
export interface ReportFilter {
  divisionId: string;
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
