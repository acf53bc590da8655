import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '@salesos/http';
import type { OpportunityStatus } from '../application/opportunity-board.port';

const statuses: OpportunityStatus[] = ['open', 'won', 'lost'];
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export class ListOpportunitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: statuses })
  @IsOptional()
  @IsIn(statuses)
  status?: OpportunityStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pipelineId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  stageId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, { message: 'ownerRepId must be an id of letters, digits and _ . : @ -' })
  ownerRepId?: string;

  @ApiPropertyOptional({ enum: ['direct', 'dealer'] })
  @IsOptional()
  @IsIn(['direct', 'dealer'])
  channel?: 'direct' | 'dealer';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(idPattern, { message: 'dealerId must be an id of letters, digits and _ . : @ -' })
  dealerId?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Expected close on or after this day' })
  @IsOptional()
  @Matches(dayPattern, { message: 'closingFrom must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  closingFrom?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Expected close on or before this day' })
  @IsOptional()
  @Matches(dayPattern, { message: 'closingTo must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  closingTo?: string;
}

export class OpportunityAsKnownQuery {
  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00Z',
    description: 'Answer as the system knew the opportunity at this moment (recording time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asKnownAt?: string;
}
