import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '@salesos/http';
import { type CompanySizeBand, companySizeBands } from '../../segments/domain/segment-criteria';
import type { LeadDetailsChanges } from '../domain/lead.events';
import { MoneyRequest } from './capture-lead.request.dto';

export class ContactChangesRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @Length(1, 200)
  name?: string;

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

export class CompanyChangesRequest {
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

/** Only the fields given change; the company name is the lead's identity for duplicate detection and stays. */
export class ReviseLeadRequest {
  @ApiPropertyOptional({ type: ContactChangesRequest })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactChangesRequest)
  contact?: ContactChangesRequest;

  @ApiPropertyOptional({ type: CompanyChangesRequest })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyChangesRequest)
  company?: CompanyChangesRequest;

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
