import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate, IsInstant, Optional, PageQuery } from '@salesos/http';
import type { OpportunityStatus } from '../application/opportunity-board.port';

const statuses: OpportunityStatus[] = ['open', 'won', 'lost'];
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$/;

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
  @Matches(idPattern, { message: 'ownerRepId must be an id of letters, digits and _ . : @ -' })
  ownerRepId?: string;

  @ApiPropertyOptional({ enum: ['direct', 'dealer'] })
  @Optional()
  @IsIn(['direct', 'dealer'])
  channel?: 'direct' | 'dealer';

  @ApiPropertyOptional()
  @Optional()
  @Matches(idPattern, { message: 'dealerId must be an id of letters, digits and _ . : @ -' })
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
