import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { idPattern, RequestValidationError, type RequestContext, rowScope } from '@salesos/http';
import type { ReportFilter } from '../report-filter';

const idMessage = (field: string) => ({ message: `${field} must be an id of letters, digits and _ . : @ -` });

/** The filters every report takes; the division is the caller's. */
export class ReportQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, idMessage('pipelineId'))
  pipelineId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, idMessage('ownerRepId'))
  ownerRepId?: string;

  @ApiPropertyOptional({
    description: 'The team the assignment rules routed the leads to; deals count with their lead.',
  })
  @IsOptional()
  @Matches(idPattern, idMessage('teamId'))
  teamId?: string;

  @ApiPropertyOptional({ enum: ['direct', 'dealer'] })
  @IsOptional()
  @IsIn(['direct', 'dealer'])
  channel?: 'direct' | 'dealer';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, idMessage('dealerId'))
  dealerId?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  source?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, idMessage('segmentId'))
  segmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, idMessage('productId'))
  productId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Start of the period (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'End of the period (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
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
