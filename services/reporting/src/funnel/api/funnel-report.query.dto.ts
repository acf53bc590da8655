import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '@salesos/http';
import { ReportQuery } from '../../core/report.query.dto';

export class FunnelQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: ['source', 'segment', 'none'], default: 'none' })
  @Optional()
  @IsIn(['source', 'segment', 'none'])
  groupBy?: 'source' | 'segment' | 'none';
}
