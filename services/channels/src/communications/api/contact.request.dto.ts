import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateBy } from 'class-validator';
import { IsCalendarDate, IsInstant, isCalendarDate, isInstant, Optional, PageQuery, QueryInt } from '@salesos/http';
import { type ContactKind, contactKinds } from '../domain/contact.events';

/** A contact with a dealer: what happened, what came of it, and the follow-up it calls for. */
export class LogContactRequest {
  @ApiProperty({ enum: contactKinds, example: 'visit' })
  @IsIn(contactKinds)
  kind!: ContactKind;

  @ApiProperty({
    example: '2026-03-09',
    description: 'A calendar day (a visit, a training) or an RFC 3339 instant (a call, an email); not in the future.',
  })
  @ValidateBy({
    name: 'isDayOrInstant',
    validator: {
      validate: (value: unknown) => isCalendarDate(value) || isInstant(value),
      defaultMessage: () =>
        '$property must be a calendar day like 2026-03-09 or an RFC 3339 date-time like 2026-03-09T10:30:00+01:00',
    },
  })
  happenedAt!: string;

  @ApiProperty({ maxLength: 2000, example: 'Walked the showroom with the owner' })
  @IsString()
  @Length(1, 2000)
  summary!: string;

  @ApiProperty({ maxLength: 500, example: 'Wants a demo press for the spring fair' })
  @IsString()
  @Length(1, 500)
  outcome!: string;

  @ApiPropertyOptional({ example: '2026-03-20', description: 'The day by which someone gets back to the dealer.' })
  @Optional()
  @IsCalendarDate()
  followUpDue?: string;
}

export class CompleteFollowUpRequest {
  @ApiProperty({ example: '2026-03-10T09:00:00Z' })
  @IsInstant()
  completedAt!: string;

  @ApiProperty({ maxLength: 1000, example: 'Demo press booked' })
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class OverdueFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-03-20', description: 'The day to judge by; today (UTC) by default.' })
  @Optional()
  @IsCalendarDate()
  today?: string;
}

export class SilentDealersQuery extends PageQuery {
  @ApiPropertyOptional({ default: 30, description: 'Dealers whose latest contact is at least this many days old.' })
  @Optional()
  @QueryInt({ min: 0, max: 3650 })
  days?: number;

  @ApiPropertyOptional({ example: '2026-03-20', description: 'The day to judge by; today (UTC) by default.' })
  @Optional()
  @IsCalendarDate()
  today?: string;
}
