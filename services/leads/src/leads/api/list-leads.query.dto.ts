import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '@salesos/http';
import type { LeadStatus } from '../domain/lead.decider';

export const leadStatuses: LeadStatus[] = ['new', 'nurturing', 'qualified', 'disqualified', 'converted', 'merged'];

export class ListLeadsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: leadStatuses })
  @IsOptional()
  @IsIn(leadStatuses)
  status?: LeadStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ownerRepId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  segmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  source?: string;
}
