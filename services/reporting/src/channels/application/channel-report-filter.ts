import type { RowScope } from '@salesos/http';

/** What the channel and dealer reports are narrowed to; the division and the reach are the caller's. */
export interface ChannelReportFilter {
  divisionId: string;
  scope: RowScope;
  /** Inclusive start of the period, ISO-8601 instant. */
  from?: string;
  /** Exclusive end of the period, ISO-8601 instant. */
  to?: string;
  channelId?: string;
}
