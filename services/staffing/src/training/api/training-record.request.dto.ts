import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsNumber, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate, IsId, Optional, QueryInt } from '@salesos/http';

/** What a person is enrolled in: one course, or a programme's courses still offered (one of the two). */
export class EnrolPersonRequest {
  @ApiPropertyOptional({ example: 'negotiation-101', description: 'The course; leave it out when naming a programme.' })
  @Optional()
  @IsId()
  courseId?: string;

  @ApiPropertyOptional({ example: 'new-rep-path', description: 'The programme; leave it out when naming a course.' })
  @Optional()
  @IsId()
  programmeId?: string;

  @ApiProperty({ example: '2026-03-01', description: 'The day the enrolment starts.' })
  @IsCalendarDate()
  enrolledOn!: string;
}

/** What a person leaves without a pass: one course's open enrolment, or a programme's open courses, and why. */
export class WithdrawEnrolmentRequest extends PickType(EnrolPersonRequest, ['courseId', 'programmeId'] as const) {
  @ApiProperty({ maxLength: 500, example: 'Moved to key accounts' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({ example: '2026-03-05', description: 'The day the person left it; not before the enrolment.' })
  @IsCalendarDate()
  withdrawnOn!: string;
}

/** One evaluation of the person in a course, passed or failed: every one is kept. */
export class RecordAssessmentRequest {
  @ApiProperty({ example: 'negotiation-101', description: 'A course of the division, retired or not.' })
  @IsId()
  courseId!: string;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 82,
    description: "Points out of 100; at or above the course's pass mark passes.",
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score!: number;

  @ApiPropertyOptional({ example: 'coach-1', description: 'Who assessed: the caller when left out.' })
  @Optional()
  @IsId()
  assessedBy?: string;

  @ApiProperty({ example: '2026-03-09', description: 'The day of the assessment; not one still to come.' })
  @IsCalendarDate()
  assessedOn!: string;
}

export class ReadinessQuery {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'The day readiness is asked for; today without it.' })
  @Optional()
  @IsCalendarDate()
  asOf?: string;
}

export class ExpiringCertificationsQuery {
  @QueryInt({ min: 0, max: 3650 })
  withinDays!: number;

  @ApiPropertyOptional({
    example: 'presses-south',
    description: "Only the people of this unit and of the units below it; the caller's whole reach without it.",
  })
  @Optional()
  @IsId()
  unitId?: string;
}
