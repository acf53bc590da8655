import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsId, RequestValidationError, type RequestContext, rowScope, Optional, IsCalendarDate } from '@salesos/http';
import type { ReportFilter } from './report-filter';

/** The filters every report takes; the division is the caller's. */
export class ReportQuery {
  @ApiPropertyOptional()
  @Optional()
  @IsId()
  pipelineId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsId()
  ownerRepId?: string;

  @ApiPropertyOptional({
    description: 'The team the assignment rules routed the leads to; deals count with their lead.',
  })
  @Optional()
  @IsId()
  teamId?: string;

  @ApiPropertyOptional({ enum: ['direct', 'dealer'] })
  @Optional()
  @IsIn(['direct', 'dealer'])
  channel?: 'direct' | 'dealer';

  @ApiPropertyOptional()
  @Optional()
  @IsId()
  dealerId?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @Optional()
  @IsString()
  @Length(1, 60)
  source?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsId()
  segmentId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsId()
  productId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day of the period (inclusive, UTC)' })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'The day the period ends before (exclusive, UTC)' })
  @Optional()
  @IsCalendarDate()
  to?: string;
}

/** The caller's division and the query's filters, with the period as UTC instants so they compare as stored. */
export function reportFilter(query: ReportQuery, caller: RequestContext): ReportFilter {
  const from = query.from === undefined ? undefined : new Date(query.from).toISOString();
  const to = query.to === undefined ? undefined : new Date(query.to).toISOString();
  if (from !== undefined && to !== undefined && from >= to) {
    throw new RequestValidationError([{ field: 'to', message: 'must be after from' }]);
  }
  return {
    divisionId: caller.divisionId,
    // Every HTTP caller has a verified principal; without one, nothing is reached rather than everything.
    scope: caller.principal === undefined ? { kind: 'own', ownerRepId: '\u0000' } : rowScope(caller.principal),
    ...(query.pipelineId === undefined ? {} : { pipelineId: query.pipelineId }),
    ...(query.ownerRepId === undefined ? {} : { ownerRepId: query.ownerRepId }),
    ...(query.teamId === undefined ? {} : { teamId: query.teamId }),
    ...(query.channel === undefined ? {} : { channel: query.channel }),
    ...(query.dealerId === undefined ? {} : { dealerId: query.dealerId }),
    ...(query.source === undefined ? {} : { source: query.source }),
    ...(query.segmentId === undefined ? {} : { segmentId: query.segmentId }),
    ...(query.productId === undefined ? {} : { productId: query.productId }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}
