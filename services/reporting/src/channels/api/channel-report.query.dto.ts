import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsId, Optional, type RequestContext, RequestValidationError, rowScope } from '@salesos/http';
import type { ChannelReportFilter } from '../application/channel-report-filter';

/** The period of a channel report: deals won or lost in it, registrations submitted in it; the open pipeline is now. */
export class ChannelReportQuery {
  @ApiPropertyOptional({ example: '2026-07-01', description: 'First day of the period (inclusive, UTC)' })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-01', description: 'The day the period ends before (exclusive, UTC)' })
  @Optional()
  @IsCalendarDate()
  to?: string;
}

export class DealerReportQuery extends ChannelReportQuery {
  @ApiPropertyOptional({ description: "The channel the dealers sell in (the dealer's channel id)" })
  @Optional()
  @IsId()
  channelId?: string;
}

/** The caller's division and reach, and the period as UTC instants so they compare as stored. */
export function channelReportFilter(query: DealerReportQuery, caller: RequestContext): ChannelReportFilter {
  const from = query.from === undefined ? undefined : new Date(query.from).toISOString();
  const to = query.to === undefined ? undefined : new Date(query.to).toISOString();
  if (from !== undefined && to !== undefined && from >= to) {
    throw new RequestValidationError([{ field: 'to', message: 'must be after from' }]);
  }
  return {
    divisionId: caller.divisionId,
    scope: caller.principal === undefined ? { kind: 'own', ownerRepId: '\u0000' } : rowScope(caller.principal),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(query.channelId === undefined ? {} : { channelId: query.channelId }),
  };
}
