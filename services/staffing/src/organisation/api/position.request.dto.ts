import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { AreIds, IsId, Optional } from '@salesos/http';
import type { Position } from '../domain/position.decider';

/** A position of the caller's division: what it asks of whoever holds it. */
export class DefinePositionRequest {
  @ApiProperty({ example: 'account-executive', description: 'The id the position is known by from now on.' })
  @IsId()
  positionId!: string;

  @ApiProperty({ maxLength: 120, example: 'Account executive' })
  @IsString()
  @Length(1, 120)
  title!: string;

  @ApiProperty({
    type: [String],
    maxItems: 50,
    example: ['Wins new accounts in the territory', 'Keeps the forecast current'],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  duties!: string[];

  @ApiProperty({
    type: [String],
    maxItems: 100,
    example: ['negotiation-basics'],
    description: 'The courses whose certification whoever holds the position needs.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @AreIds()
  requiredCertifications!: string[];
}

/** The position's title, duties and required certifications anew, as a whole. */
export class RevisePositionRequest extends OmitType(DefinePositionRequest, ['positionId'] as const) {}

export class RetirePositionRequest {
  @ApiProperty({ maxLength: 500, example: 'Split into hunter and farmer roles' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export const positionStatuses: Array<Position['status']> = ['active', 'retired'];

export class PositionListQuery {
  @ApiPropertyOptional({ enum: positionStatuses, description: 'Only the positions of this status; all without it.' })
  @Optional()
  @IsIn(positionStatuses)
  status?: Position['status'];
}
