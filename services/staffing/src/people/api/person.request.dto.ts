import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsPositive,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate, IsId, NestedList, Optional, PageQuery } from '@salesos/http';
import { maxDueDay, maxOnboardingTasks } from '../domain/onboarding-plan';
import { type PersonDayStatus, personDayStatuses } from '../domain/person-status';
import { maxRampMonths } from '../domain/ramp-schedule';

/** A person joining one of the caller's division's units in one of its positions from their first day. */
export class HirePersonRequest {
  @ApiPropertyOptional({
    example: 'emp-10417',
    description: 'The id the person is known by (an employee number); left out, the service makes one.',
  })
  @Optional()
  @IsId()
  personId?: string;

  @ApiProperty({ maxLength: 200, example: 'Mira Jansen' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ maxLength: 254, example: 'mira.jansen@example.com' })
  @IsString()
  @Length(3, 254)
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'presses-south', description: 'A unit of the division open on hiredOn.' })
  @IsId()
  unitId!: string;

  @ApiProperty({ example: 'account-executive', description: 'An active position of the division.' })
  @IsId()
  positionId!: string;

  @ApiProperty({ example: '2026-03-02', description: 'The first day at work; a day still to come is kept.' })
  @IsCalendarDate()
  hiredOn!: string;

  @ApiPropertyOptional({
    example: 'rep-mira',
    description: 'The login the person works under: the user id the leads service knows them by as owner and rep.',
  })
  @Optional()
  @IsId()
  userId?: string;
}

export class OnboardingTaskRequest {
  @ApiProperty({ example: 'product-basics' })
  @IsId()
  taskId!: string;

  @ApiProperty({ maxLength: 200, example: 'Finish the product basics course' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ minimum: 0, maximum: maxDueDay, example: 14, description: 'Days after the first day; 0: on it.' })
  @IsInt()
  @Min(0)
  @Max(maxDueDay)
  dueDay!: number;
}

/** The plan as a whole; a revised plan keeps every task already done. */
export class OnboardingPlanRequest {
  @ApiProperty({ type: [OnboardingTaskRequest], minItems: 1, maxItems: maxOnboardingTasks })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxOnboardingTasks)
  @NestedList(() => OnboardingTaskRequest)
  tasks!: OnboardingTaskRequest[];
}

export class RampScheduleRequest {
  @ApiProperty({
    type: [Number],
    minItems: 1,
    maxItems: maxRampMonths,
    example: [0.25, 0.5, 0.75, 1],
    description:
      'The share of full quota in each month of tenure, the first month first: above 0, at most 1, never falling, ' +
      'the last one 1.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxRampMonths)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @IsPositive({ each: true })
  @Max(1, { each: true })
  monthlyShares!: number[];
}

export class TransferPersonRequest {
  @ApiPropertyOptional({ example: 'presses-north', description: 'Left out: the unit stays.' })
  @Optional()
  @IsId()
  toUnitId?: string;

  @ApiPropertyOptional({ example: 'senior-account-executive', description: 'Left out: the position stays.' })
  @Optional()
  @IsId()
  toPositionId?: string;

  @ApiProperty({
    example: '2026-06-01',
    description: 'The first day in the new unit or position; a day still to come is kept and takes effect then.',
  })
  @IsCalendarDate()
  effectiveOn!: string;

  @ApiProperty({ maxLength: 500, example: 'Presses North needs an experienced rep' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class StartLeaveRequest {
  @ApiProperty({ example: '2026-04-06', description: 'The first day of the leave.' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ maxLength: 500, example: 'Parental leave' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class EndLeaveRequest {
  @ApiProperty({ example: '2026-07-06', description: 'The first day back at work.' })
  @IsCalendarDate()
  returnsOn!: string;
}

export class DepartureRequest {
  @ApiProperty({ example: '2026-09-01', description: 'The first day the person no longer works here.' })
  @IsCalendarDate()
  departedOn!: string;

  @ApiProperty({ maxLength: 500, example: 'Moved abroad' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** The filters of the people list: each person's unit, position and standing on one day. */
export class PeopleFilterQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'The day the list describes; today without it.' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ example: 'presses-south', description: 'Members of this unit on the day.' })
  @Optional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ example: 'account-executive', description: 'Holders of this position on the day.' })
  @Optional()
  @IsId()
  positionId?: string;

  @ApiPropertyOptional({ enum: personDayStatuses, description: 'Their standing on the day.' })
  @Optional()
  @IsIn(personDayStatuses)
  status?: PersonDayStatus;
}

export class PeopleListQuery extends IntersectionType(PeopleFilterQuery, PageQuery) {}
