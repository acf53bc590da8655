import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { IsId, MoneyRequest, Optional, PageQuery } from '@salesos/http';
import type { RegistrationStatus } from '../application/registration-list.port';

/** A dealer's registration of a deal with a company, for the leads service to answer by its first-come rule. */
export class SubmitRegistrationRequest {
  @ApiPropertyOptional({ example: 'reg-brandt-2026', description: "The registration's id; the server's when none." })
  @Optional()
  @IsId()
  registrationId?: string;

  @ApiPropertyOptional({
    example: 'nordbau',
    description: "The dealer registering: a dealer's user registers for their own dealer and may leave it out.",
  })
  @Optional()
  @IsId()
  dealerId?: string;

  @ApiProperty({ maxLength: 200, example: 'Brandt Maschinenbau AG' })
  @IsString()
  @Length(1, 200)
  companyName!: string;

  @ApiPropertyOptional({ maxLength: 254, example: 'einkauf@brandt.example' })
  @Optional()
  @IsString()
  @Length(3, 254)
  @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional({ example: 'presses' })
  @Optional()
  @IsId()
  productGroup?: string;

  @ApiPropertyOptional({ type: MoneyRequest })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyRequest)
  estimatedValue?: MoneyRequest;
}

export const registrationStatuses: RegistrationStatus[] = [
  'submitted',
  'accepted',
  'conflicted',
  'lapsed',
  'won',
  'lost',
];

/** The filters and page of the registration list. */
export class ListRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: registrationStatuses })
  @Optional()
  @IsIn(registrationStatuses)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ example: 'nordbau' })
  @Optional()
  @IsId()
  dealerId?: string;
}
