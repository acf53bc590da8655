import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { AreIds, IsCalendarDate, IsId, Optional, PageQuery } from '@salesos/http';
import type { DealerStatus } from '../domain/dealer.decider';

/** A company's application to sell through one of the division's channels. */
export class ApplyAsDealerRequest {
  @ApiProperty({ example: 'nordbau', description: 'The id the dealer is known by from now on.' })
  @IsId()
  dealerId!: string;

  @ApiProperty({ maxLength: 200, example: 'Nordbau GmbH' })
  @IsString()
  @Length(1, 200)
  companyName!: string;

  @ApiProperty({ maxLength: 254, example: 'sales@nordbau.example' })
  @IsString()
  @Length(3, 254)
  @IsEmail()
  contactEmail!: string;

  @ApiProperty({ example: 'dealers-dach', description: 'A dealer, distributor or retail channel of the division.' })
  @IsId()
  channelId!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, example: ['de-north', 'de-east'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @AreIds()
  territories!: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, example: ['presses', 'spare-parts'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @AreIds()
  productGroups!: string[];
}

export class DealerReasonRequest {
  @ApiProperty({ maxLength: 500, example: 'No service workshop in the territory' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class TickRequirementRequest {
  @ApiProperty({ maxLength: 1000, example: 'Extract of 2026-02-12 seen and filed' })
  @IsString()
  @Length(1, 1000)
  evidence!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://files.example/nordbau/register.pdf' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  evidenceUrl?: string;
}

export class TerminateDealerRequest {
  @ApiProperty({ maxLength: 500, example: 'Left the market' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({ example: '2026-06-30', description: 'The last day the dealer may sell.' })
  @IsCalendarDate()
  effectiveDay!: string;
}

export const dealerStatuses: DealerStatus[] = [
  'applied',
  'onboarding',
  'rejected',
  'active',
  'suspended',
  'terminated',
];

/** The filters of the dealer list and export. */
export class DealerFilterQuery {
  @ApiPropertyOptional({ enum: dealerStatuses })
  @Optional()
  @IsIn(dealerStatuses)
  status?: DealerStatus;

  @ApiPropertyOptional({ example: 'dealers-dach' })
  @Optional()
  @IsId()
  channelId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'nordbau', description: 'Part of the company name, in any case.' })
  @Optional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class ListDealersQuery extends IntersectionType(DealerFilterQuery, PageQuery) {}
