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

/** Whether an instant falls in the filter's period (`from` inclusive, `to` exclusive). */
export function inPeriod(filter: Pick<ReportFilter, 'from' | 'to'>, instant: string | undefined): boolean {
  if (instant === undefined) return false;
  const at = Date.parse(instant);
  return (
    (filter.from === undefined || at >= Date.parse(filter.from)) &&
    (filter.to === undefined || at < Date.parse(filter.to))
  );
}
