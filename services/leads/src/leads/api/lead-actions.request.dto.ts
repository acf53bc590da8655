import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, IsId, Optional } from '@salesos/http';

export class QualifyLeadRequest {
  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class DisqualifyLeadRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class NurtureLeadRequest {
  @ApiPropertyOptional({ example: '2026-06-01' })
  @Optional()
  @IsCalendarDate()
  until?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AssignLeadRequest {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @IsId()
  repId!: string;
}

export class MergeLeadRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  intoLeadId!: string;
}
