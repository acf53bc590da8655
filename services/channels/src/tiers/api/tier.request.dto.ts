import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, MoneyRequest, NestedList, Optional } from '@salesos/http';

export class TierCriteriaRequest {
  @ApiProperty({ type: MoneyRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  minRevenueLast12Months!: MoneyRequest;

  @ApiProperty({ minimum: 0, maximum: 100000, example: 3 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  minCertifiedPeople!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.3 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minRegistrationWinRate!: number;
}

export class TierRequest {
  @ApiProperty({ example: 'gold' })
  @IsId()
  tierId!: string;

  @ApiProperty({ maxLength: 80, example: 'Gold' })
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiProperty({ type: TierCriteriaRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => TierCriteriaRequest)
  criteria!: TierCriteriaRequest;
}

/** A programme's ladder, lowest tier first, defined or replaced as a whole. */
export class DefineTierProgrammeRequest {
  @ApiProperty({ maxLength: 120, example: 'North partner programme' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ type: [TierRequest], minItems: 1, maxItems: 20, description: 'Lowest tier first.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedList(() => TierRequest)
  tiers!: TierRequest[];
}

export class AssignTierRequest {
  @ApiProperty({ example: 'prog-north' })
  @IsId()
  programmeId!: string;

  @ApiProperty({ example: 'initial-2026', description: 'The id of this change, which a correction may name.' })
  @IsId()
  changeId!: string;

  @ApiProperty({ example: 'silver' })
  @IsId()
  tierId!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  effectiveFrom!: string;
}

export class TierFiguresRequest {
  @ApiProperty({ type: MoneyRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  revenue12m!: MoneyRequest;

  @ApiProperty({ minimum: 0, maximum: 100000, example: 4 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  certifiedPeople!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.35 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  registrationWinRate!: number;
}

export class ProposeTierChangeRequest {
  @ApiProperty({ example: 'review-2026-q2' })
  @IsId()
  reviewId!: string;

  @ApiProperty({ example: 'prog-north' })
  @IsId()
  programmeId!: string;

  @ApiProperty({ type: TierFiguresRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => TierFiguresRequest)
  figures!: TierFiguresRequest;
}

export class ConfirmTierChangeRequest {
  @ApiProperty({ example: '2026-07-01' })
  @IsCalendarDate()
  effectiveFrom!: string;
}

export class RejectTierProposalRequest {
  @ApiProperty({ maxLength: 500, example: 'Revenue includes a one-off order' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CorrectTierRequest {
  @ApiProperty({ example: 'fix-1' })
  @IsId()
  correctionId!: string;

  @ApiProperty({ example: 'initial-2026', description: 'The change (assignment id or review id) that was wrong.' })
  @IsId()
  corrects!: string;

  @ApiProperty({ example: 'gold' })
  @IsId()
  tierId!: string;

  @ApiProperty({ maxLength: 500, example: 'Assigned from the wrong list' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class TierAsOfQuery {
  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'The day asked about; today and the whole history without it',
  })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}
