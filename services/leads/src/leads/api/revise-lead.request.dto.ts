import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { type CompanySizeBand, companySizeBands } from '@salesos/kernel';
import type { LeadDetailsChanges } from '../domain/lead.events';
import { MoneyRequest } from './capture-lead.request.dto';

export class ContactChangesRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+49 30 1234567' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()./-]{6,30}$/, { message: 'phone must be 6 to 30 digits, spaces or + ( ) . / -' })
  phone?: string;
}

export class CompanyChangesRequest {
  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  industry?: string;

  @ApiPropertyOptional({ enum: companySizeBands })
  @IsOptional()
  @IsIn(companySizeBands)
  sizeBand?: CompanySizeBand;
}

/** Only the fields given change; the company name is the lead's identity for duplicate detection and stays. */
export class ReviseLeadRequest {
  @ApiPropertyOptional({ type: ContactChangesRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactChangesRequest)
  contact?: ContactChangesRequest;

  @ApiPropertyOptional({ type: CompanyChangesRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyChangesRequest)
  company?: CompanyChangesRequest;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  territory?: string;

  @ApiPropertyOptional({ type: MoneyRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  estimatedValue?: MoneyRequest;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  needTags?: string[];
}

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;

/** Plain changes from the request; empty when the request names nothing to change. */
export function toDetailsChanges(body: ReviseLeadRequest): LeadDetailsChanges {
  const contact = body.contact ? defined({ ...body.contact }) : {};
  const company = body.company ? defined({ ...body.company }) : {};
  return {
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    ...(Object.keys(company).length > 0 ? { company } : {}),
    ...(body.territory === undefined ? {} : { territory: body.territory }),
    ...(body.estimatedValue === undefined
      ? {}
      : { estimatedValue: { amount: body.estimatedValue.amount, currency: body.estimatedValue.currency } }),
    ...(body.needTags === undefined ? {} : { needTags: [...body.needTags] }),
  };
}
