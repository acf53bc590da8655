import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsId, IsInstant, Optional, PageQuery } from '@salesos/http';
import type { OpportunityStatus } from '../application/opportunity-board.port';

const statuses: OpportunityStatus[] = ['open', 'won', 'lost'];

export class ListOpportunitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: statuses })
  @Optional()
  @IsIn(statuses)
  status?: OpportunityStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 60)
  pipelineId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 60)
  stageId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsId()
  ownerRepId?: string;

  @ApiPropertyOptional({ enum: ['direct', 'dealer'] })
  @Optional()
  @IsIn(['direct', 'dealer'])
  channel?: 'direct' | 'dealer';

  @ApiPropertyOptional()
  @Optional()
  @IsId()
  dealerId?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Expected close on or after this day' })
  @Optional()
  @IsCalendarDate()
  closingFrom?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Expected close on or before this day' })
  @Optional()
  @IsCalendarDate()
  closingTo?: string;
}

export class OpportunityAsKnownQuery {
  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00Z',
    description: 'Answer as the system knew the opportunity at this moment (recording time)',
  })
  @Optional()
  @IsInstant()
  asKnownAt?: string;
}
