/** What every report can be narrowed to; the division is the caller's, never a free filter. */
export interface ReportFilter {
  divisionId: string;
  pipelineId?: string;
  ownerRepId?: string;
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
