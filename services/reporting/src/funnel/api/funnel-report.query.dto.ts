import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReportQuery } from '../../shared/api/report.query.dto';

export class FunnelQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: ['source', 'segment', 'none'], default: 'none' })
  @IsOptional()
  @IsIn(['source', 'segment', 'none'])
  groupBy?: 'source' | 'segment' | 'none';
}
