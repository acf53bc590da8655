import { ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { Optional, OptionalFields } from '@salesos/http';
import type { LeadDetailsChanges } from '../domain/lead.events';
import { CaptureLeadRequest, CompanyRequest, ContactRequest } from './capture-lead.request.dto';

/** The rules of each field are the capture's: a change may leave any of them out, but may not send null. */
export class ContactChangesRequest extends OptionalFields(ContactRequest) {}

/** The company name is the lead's identity for duplicate detection and stays. */
export class CompanyChangesRequest extends OptionalFields(OmitType(CompanyRequest, ['name'])) {}

/** Only the fields given change. */
export class ReviseLeadRequest extends OptionalFields(
  PickType(CaptureLeadRequest, ['territory', 'estimatedValue', 'needTags']),
) {
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
