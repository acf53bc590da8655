import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '@salesos/http';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min, Matches } from 'class-validator';
import { ReportQuery } from '../../shared/api/report.query.dto';

export class PipelineReportQuery extends ReportQuery {
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z', description: 'The pipeline as it stood at this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({
    enum: ['known', 'believed'],
    default: 'known',
    description: 'With asOf: as known now (later corrections count), or as believed then (only what was recorded)',
  })
  @IsOptional()
  @IsIn(['known', 'believed'])
  basis?: 'known' | 'believed';
}

export class KeyCustomersQuery extends ReportQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** The deals behind a figure: the report filters, a status and a stage, and the paging of every list. */
export class DealsQuery extends IntersectionType(ReportQuery, PageQuery) {
  @ApiPropertyOptional({ enum: ['open', 'won', 'lost'] })
  @IsOptional()
  @IsIn(['open', 'won', 'lost'])
  status?: 'open' | 'won' | 'lost';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,59}$/, { message: 'stageId must be a stage id' })
  stageId?: string;
}
