import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { IsCurrencyCode, IsMoneyAmount, Optional } from '@salesos/http';
import { type CompanySizeBand, companySizeBands } from '@salesos/kernel';

export class PriceBandRequest {
  @ApiProperty({ example: 'EUR' })
  @IsCurrencyCode()
  currency!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsMoneyAmount()
  min?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsMoneyAmount()
  max?: number;
}

export class SegmentCriteriaRequest {
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  industries?: string[];

  @ApiPropertyOptional({ enum: companySizeBands, isArray: true })
  @Optional()
  @IsArray()
  @IsIn(companySizeBands, { each: true })
  sizeBands?: CompanySizeBand[];

  @ApiPropertyOptional({ type: PriceBandRequest })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PriceBandRequest)
  priceBand?: PriceBandRequest;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  territories?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  needTags?: string[];
}

export class DefineSegmentRequest {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ type: SegmentCriteriaRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => SegmentCriteriaRequest)
  criteria!: SegmentCriteriaRequest;
}

export class RetireSegmentRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  reason!: string;
}
