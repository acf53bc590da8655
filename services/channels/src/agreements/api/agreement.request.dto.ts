import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, Optional, PageQuery, QueryInt } from '@salesos/http';

/** The cooperation terms of one version. */
export class AgreementTermsRequest {
  @ApiProperty({ minimum: 0, maximum: 100, example: 12.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  discountPercent!: number;

  @ApiProperty({ type: [String], maxItems: 200, example: ['de-north', 'de-east'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  territories!: string[];

  @ApiProperty({ type: [String], maxItems: 200, example: ['presses'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  productGroups!: string[];

  @ApiProperty({ example: true })
  @IsBoolean()
  exclusivity!: boolean;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 200,
    description: 'Some or all of territories; all of them when exclusive and left out.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  exclusiveTerritories?: string[];

  @ApiProperty({ minimum: 0, maximum: 365, example: 30 })
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays!: number;

  @ApiPropertyOptional({ example: 'rebates-2026' })
  @Optional()
  @IsId()
  rebateProgrammeId?: string;
}

export class DraftAgreementVersionRequest {
  @ApiProperty({ example: 'dealer-1' })
  @IsId()
  dealerId!: string;

  @ApiProperty({ type: AgreementTermsRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTermsRequest)
  terms!: AgreementTermsRequest;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  effectiveFrom!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  expiresOn!: string;
}

export class SignAgreementVersionRequest {
  @ApiProperty({ maxLength: 200, example: 'Anna Weber, managing director' })
  @IsString()
  @Length(1, 200)
  signedBy!: string;

  @ApiProperty({ example: '2025-12-15' })
  @IsCalendarDate()
  signedOn!: string;
}

export class WithdrawAgreementDraftRequest {
  @ApiProperty({ maxLength: 500, example: 'Superseded by a better offer' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class RenewAgreementRequest {
  @ApiProperty({ example: '2027-12-31' })
  @IsCalendarDate()
  expiresOn!: string;

  @ApiPropertyOptional({ type: AgreementTermsRequest, description: "The renewed version's terms when left out." })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTermsRequest)
  terms?: AgreementTermsRequest;

  @ApiPropertyOptional({
    example: '2027-01-01',
    description: 'The day after the renewed version expires when left out.',
  })
  @Optional()
  @IsCalendarDate()
  effectiveFrom?: string;
}

export class TerminateAgreementRequest {
  @ApiProperty({ example: '2026-07-01', description: 'No terms apply from this day on.' })
  @IsCalendarDate()
  effectiveOn!: string;

  @ApiProperty({ maxLength: 500, example: 'Dealer ceased trading' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ListAgreementsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'dealer-1' })
  @Optional()
  @IsId()
  dealerId?: string;

  @ApiPropertyOptional({
    example: 60,
    description:
      'Only agreements whose terms in force today run out within this many days with nothing signed to follow',
  })
  @Optional()
  @QueryInt({ min: 0, max: 3650 })
  expiringWithinDays?: number;
}

export class TermsOnDayQuery {
  @ApiProperty({ example: '2026-03-01', description: 'The day asked about' })
  @IsCalendarDate()
  on!: string;
}
