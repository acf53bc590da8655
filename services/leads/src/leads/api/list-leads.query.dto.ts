import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PageQuery, Optional } from '@salesos/http';
import type { LeadStatus } from '../domain/lead.decider';

export const leadStatuses: LeadStatus[] = ['new', 'nurturing', 'qualified', 'disqualified', 'converted', 'merged'];

export class ListLeadsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: leadStatuses })
  @Optional()
  @IsIn(leadStatuses)
  status?: LeadStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 100)
  ownerRepId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 100)
  segmentId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 60)
  source?: string;
}
