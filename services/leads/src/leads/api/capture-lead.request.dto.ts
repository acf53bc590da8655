import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MoneyRequest, Optional } from '@salesos/http';
import { type CompanySizeBand, companySizeBands } from '@salesos/kernel';

export class ContactRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @Optional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @Optional()
  @IsString()
  @Matches(/^\+?[0-9 ()./-]{6,30}$/, { message: 'phone must be 6 to 30 digits, spaces or + ( ) . / -' })
  phone?: string;
}

export class CompanyRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 80 })
  @Optional()
  @IsString()
  @Length(1, 80)
  industry?: string;

  @ApiPropertyOptional({ enum: companySizeBands })
  @Optional()
  @IsIn(companySizeBands)
  sizeBand?: CompanySizeBand;
}

export class CaptureLeadRequest {
  @ApiProperty({ example: 'referral', maxLength: 60 })
  @IsString()
  @Length(1, 60)
  source!: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @Optional()
  @IsString()
  @Length(1, 120)
  campaign?: string;

  @ApiProperty({ type: ContactRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactRequest)
  contact!: ContactRequest;

  @ApiProperty({ type: CompanyRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyRequest)
  company!: CompanyRequest;

  @ApiPropertyOptional({ maxLength: 80 })
  @Optional()
  @IsString()
  @Length(1, 80)
  territory?: string;

  @ApiPropertyOptional({ type: MoneyRequest })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  estimatedValue?: MoneyRequest;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  needTags?: string[];

  @ApiPropertyOptional({ description: 'Capture even when the division already has a lead for this prospect.' })
  @Optional()
  @IsBoolean()
  force?: boolean;
}
